using LaiChau.CchcDashboard.Features.SignedCopies;
using LaiChau.CchcDashboard.Tests.TestInfrastructure;
using static LaiChau.CchcDashboard.Tests.Features.SignedCopies.SignedCopyTestData;

namespace LaiChau.CchcDashboard.Tests.Features.SignedCopies;

/// <summary>Both stores behind <see cref="IFileStore"/> behave the same: content-addressed, stored once, read back whole.</summary>
public sealed class FileStoreTests : IAsyncLifetime
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("cchc-files-");
    private TestDatabase _db = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public async ValueTask DisposeAsync()
    {
        await _db.DisposeAsync();
        _folder.Delete(recursive: true);
    }

    private IFileStore Store(FileStoreKind kind) => kind == FileStoreKind.Disk
        ? DiskStore(_folder.FullName)
        : new DatabaseFileStore(_db.Factory, TestClock.AtDemoStart());

    [Theory]
    [InlineData(FileStoreKind.Disk)]
    [InlineData(FileStoreKind.Database)]
    public async Task Save_ThenRead_GivesTheSameBytesUnderTheirHash(FileStoreKind kind)
    {
        var store = Store(kind);
        var pdf = SmallPdf();

        var key = await store.SaveAsync(pdf, Ct);
        var again = await store.SaveAsync(pdf, Ct);

        Assert.Equal(FileKeys.Of(pdf), key);
        Assert.Equal(key, again);
        Assert.Equal(pdf, await store.ReadAsync(key, Ct));
        Assert.Null(await store.ReadAsync(FileKeys.Of(SmallPng()), Ct));
    }

    [Theory]
    [InlineData(FileStoreKind.Disk)]
    [InlineData(FileStoreKind.Database)]
    public async Task Save_SameBytesTwice_StoresThemOnce(FileStoreKind kind)
    {
        var store = Store(kind);

        await store.SaveAsync(SmallPng(), Ct);
        await store.SaveAsync(SmallPng(), Ct);
        await store.SaveAsync(SmallPdf(), Ct);

        var count = kind == FileStoreKind.Disk
            ? _folder.EnumerateFiles("*", SearchOption.AllDirectories).Count()
            : _db.CreateContext().StoredFiles.Count();
        Assert.Equal(2, count);
    }

    [Fact]
    public async Task DiskStore_AKeyThatIsNotAHash_ReadsNothing()
    {
        var store = DiskStore(_folder.FullName);
        await File.WriteAllTextAsync(Path.Combine(_folder.FullName, "secret.txt"), "x", Ct);

        Assert.Null(await store.ReadAsync("../secret.txt", Ct));
        Assert.Null(await store.ReadAsync("secret.txt", Ct));
    }
}
