using LaiChau.CchcDashboard.Data.Entities;
using LaiChau.CchcDashboard.Features.Account;
using LaiChau.CchcDashboard.Features.Reports;
using LaiChau.CchcDashboard.Features.SignedCopies;
using LaiChau.CchcDashboard.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using static LaiChau.CchcDashboard.Tests.Features.Reports.ReportTestData;
using static LaiChau.CchcDashboard.Tests.Features.SignedCopies.SignedCopyTestData;
using Reports = LaiChau.CchcDashboard.Tests.Features.Reports;

namespace LaiChau.CchcDashboard.Tests.Features.SignedCopies;

public sealed class SignedCopyServiceTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = TestClock.AtDemoStart();
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("cchc-files-");
    private TestDatabase _db = null!;
    private int _periodId;
    private int _unitA;
    private int _unitB;
    private int _submitted;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        (_, _periodId, _) = await AddPlanAsync(_db);
        var units = await AddUnitsAsync(_db, 2);
        (_unitA, _unitB) = (units[0], units[1]);
        _submitted = await AddReportAsync(_db, _periodId, _unitA, ReportState.Submitted, TestClock.DemoStart.AddDays(-1));
    }

    public async ValueTask DisposeAsync()
    {
        await _db.DisposeAsync();
        _folder.Delete(recursive: true);
    }

    private SignedCopyService Service() => SignedCopyTestData.Service(_db, _clock, DiskStore(_folder.FullName));

    private Task<LaiChau.CchcDashboard.Common.SaveResult> UploadAsync(byte[] content, string fileName = "ban-ky.pdf", int? reportId = null) =>
        Service().UploadAsync(UnitUser(_unitA), reportId ?? _submitted, content, fileName, "12/BC-UBND", IssuedOn, Ct);

    private string[] StoredFiles() => [.. _folder.EnumerateFiles("*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(_folder.FullName, f.FullName))];

    [Fact]
    public async Task Upload_SmallPdfAfterSubmission_IsStoredUnderItsHashNotItsName()
    {
        var pdf = SmallPdf();

        var result = await UploadAsync(pdf, "Báo cáo ký ngày 15.pdf");

        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Values));
        var key = FileKeys.Of(pdf);
        Assert.Equal([Path.Combine(key[..2], key)], StoredFiles());
        var copy = Assert.Single(await Service().GetHistoryAsync(HomeAffairs, _submitted, Ct));
        Assert.Equal(("12/BC-UBND", IssuedOn, SignedCopyRules.Pdf, (long)pdf.Length), (copy.OfficialNumber, copy.IssuedOn, copy.ContentType, copy.Length));
        Assert.Equal(1, await AuditCountAsync(_db, "signed-copy.upload"));
    }

    [Fact]
    public async Task Upload_PngScan_IsAcceptedAsAnImage()
    {
        var result = await UploadAsync(SmallPng(), "scan.png");

        Assert.True(result.Succeeded);
        Assert.Equal(SignedCopyRules.Png, Assert.Single(await Service().GetHistoryAsync(HomeAffairs, _submitted, Ct)).ContentType);
    }

    [Fact]
    public async Task Upload_PdfWithAWrongExtension_IsAcceptedByItsContent()
    {
        var result = await UploadAsync(SmallPdf(), "ban-ky.png");

        Assert.True(result.Succeeded);
        Assert.Equal(SignedCopyRules.Pdf, Assert.Single(await Service().GetHistoryAsync(HomeAffairs, _submitted, Ct)).ContentType);
    }

    [Fact]
    public async Task Upload_ExecutableRenamedPdf_IsRefusedAndNothingIsStored()
    {
        var result = await UploadAsync(Executable(), "ban-ky.pdf");

        Assert.Equal(SignedCopyRules.WrongKindMessage, result.Errors["File"]);
        Assert.Empty(StoredFiles());
        Assert.Empty(await Service().GetHistoryAsync(HomeAffairs, _submitted, Ct));
    }

    [Fact]
    public async Task Upload_EmptyFile_IsRefused()
    {
        var result = await UploadAsync([], "ban-ky.pdf");

        Assert.Equal(SignedCopyRules.EmptyMessage, result.Errors["File"]);
        Assert.Empty(StoredFiles());
    }

    [Fact]
    public async Task Upload_ElevenMegabytes_IsRefusedAsTooLarge()
    {
        var big = new byte[11 * 1024 * 1024];
        SmallPdf().CopyTo(big, 0);

        var result = await UploadAsync(big);

        Assert.Equal("Tệp lớn hơn 10 MB. Vui lòng quét với độ phân giải thấp hơn hoặc nén tệp.", result.Errors["File"]);
        Assert.Empty(StoredFiles());
    }

    [Fact]
    public async Task Upload_WithoutNumberOrWithAFutureDate_IsRefusedAtTheFields()
    {
        var noNumber = await Service().UploadAsync(UnitUser(_unitA), _submitted, SmallPdf(), "a.pdf", "  ", IssuedOn, Ct);
        var future = await Service().UploadAsync(UnitUser(_unitA), _submitted, SmallPdf(), "a.pdf", "12/BC-UBND", new DateOnly(2020, 5, 19), Ct);
        var noDate = await Service().UploadAsync(UnitUser(_unitA), _submitted, SmallPdf(), "a.pdf", "12/BC-UBND", null, Ct);

        Assert.Contains("số, ký hiệu", noNumber.Errors["OfficialNumber"], StringComparison.Ordinal);
        Assert.Equal("Ngày ban hành không được sau ngày hôm nay.", future.Errors["IssuedOn"]);
        Assert.Contains("ngày ban hành", noDate.Errors["IssuedOn"], StringComparison.Ordinal);
        Assert.Empty(StoredFiles());
    }

    [Fact]
    public async Task Upload_BeforeSubmission_IsRefused()
    {
        var draft = await AddReportAsync(_db, _periodId, _unitB, ReportState.Draft);

        var result = await Service().UploadAsync(UnitUser(_unitB), draft, SmallPdf(), "a.pdf", "12/BC-UBND", IssuedOn, Ct);

        Assert.Equal("Chỉ gửi bản ký sau khi đã nộp báo cáo.", result.Errors[""]);
    }

    [Fact]
    public async Task Upload_ForAnotherUnitsReport_IsDeniedAndAudited()
    {
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            Service().UploadAsync(UnitUser(_unitB), _submitted, SmallPdf(), "a.pdf", "12/BC-UBND", IssuedOn, Ct));

        Assert.Equal(1, await AuditCountAsync(_db, "signed-copy.access-denied"));
        Assert.Empty(StoredFiles());
    }

    [Fact]
    public async Task Replace_KeepsThePreviousCopyInTheHistory()
    {
        Assert.True((await UploadAsync(SmallPdf("Lan 1"))).Succeeded);
        _clock.Advance(TimeSpan.FromMinutes(5));
        var second = await Service().UploadAsync(UnitUser(_unitA), _submitted, SmallPng(), "b.png", "12a/BC-UBND", IssuedOn, Ct);

        Assert.True(second.Succeeded);
        var history = await Service().GetHistoryAsync(HomeAffairs, _submitted, Ct);
        Assert.Equal(["12a/BC-UBND", "12/BC-UBND"], history.Select(c => c.OfficialNumber));
        Assert.Equal(2, StoredFiles().Length);
        Assert.NotNull(await Service().OpenAsync(HomeAffairs, history[1].Id, Ct));
        Assert.Equal(1, await AuditCountAsync(_db, "signed-copy.replace"));
    }

    [Fact]
    public async Task Open_ForTheReportsReaders_IsAuditedAndRefusedToOtherUnits()
    {
        var pdf = SmallPdf();
        Assert.True((await UploadAsync(pdf)).Succeeded);
        var id = Assert.Single(await Service().GetHistoryAsync(HomeAffairs, _submitted, Ct)).Id;

        foreach (var reader in new[] { UnitUser(_unitA), HomeAffairs, Leadership })
        {
            var file = await Service().OpenAsync(reader, id, Ct);
            Assert.Equal(pdf, file!.Content);
            Assert.Equal(SignedCopyRules.Pdf, file.ContentType);
            Assert.EndsWith(".pdf", file.FileName, StringComparison.Ordinal);
        }
        await Assert.ThrowsAsync<AccessDeniedException>(() => Service().OpenAsync(UnitUser(_unitB), id, Ct));

        Assert.Equal(3, await AuditCountAsync(_db, "signed-copy.download"));
        Assert.Equal(1, await AuditCountAsync(_db, "signed-copy.access-denied"));
    }

    [Fact]
    public async Task Accept_WithoutSignedCopy_IsRefusedAtTheNoteField()
    {
        var report = (await Reports.ReportTestData.Service(_db, _clock).GetAsync(HomeAffairs, _submitted, Ct))!;

        var result = await Reports.ReportTestData.Service(_db, _clock).AcceptAsync(HomeAffairs, _submitted, report.Version, "  ", Ct);

        Assert.Equal(ReportService.AcceptNeedsSignedCopyMessage, result.Result.Errors["AcceptNote"]);
        Assert.Equal(ReportState.Submitted, (await Reports.ReportTestData.Service(_db, _clock).GetAsync(HomeAffairs, _submitted, Ct))!.State);
    }

    [Fact]
    public async Task Accept_WithoutSignedCopyButWithANote_IsAcceptedAndTheNoteIsKept()
    {
        var reports = Reports.ReportTestData.Service(_db, _clock);
        var report = (await reports.GetAsync(HomeAffairs, _submitted, Ct))!;
        Assert.False(report.HasSignedCopy);

        var result = await reports.AcceptAsync(HomeAffairs, _submitted, report.Version, "Bản ký gửi qua đường bưu điện, đã nhận bản giấy.", Ct);

        Assert.True(result.Succeeded);
        var accepted = (await reports.GetAsync(HomeAffairs, _submitted, Ct))!;
        Assert.Equal(ReportState.Accepted, accepted.State);
        Assert.Equal("Tiếp nhận khi chưa có bản ký: Bản ký gửi qua đường bưu điện, đã nhận bản giấy.", accepted.Transitions[^1].Comment);
        Assert.Equal(1, await AuditCountAsync(_db, "report.accept-without-signed-copy"));
    }

    [Fact]
    public async Task Accept_OnceTheSignedCopyIsThere_NeedsNoNote()
    {
        Assert.True((await UploadAsync(SmallPdf())).Succeeded);
        var reports = Reports.ReportTestData.Service(_db, _clock);
        var report = (await reports.GetAsync(HomeAffairs, _submitted, Ct))!;
        Assert.True(report.HasSignedCopy);

        var result = await reports.AcceptAsync(HomeAffairs, _submitted, report.Version, Ct);

        Assert.True(result.Succeeded);
        Assert.Equal(1, await AuditCountAsync(_db, "report.accept"));
    }

    [Fact]
    public async Task Matrix_FlagsTheSignedCopy_AndListsSubmittedUnitsStillWithoutOne()
    {
        await AddReportAsync(_db, _periodId, _unitB, ReportState.Submitted, TestClock.DemoStart.AddDays(-1));
        Assert.True((await UploadAsync(SmallPdf())).Succeeded);

        var matrix = await Tracking(_db, _clock).GetMatrixAsync(HomeAffairs, (await PlanOfAsync()), Ct);

        Assert.True(matrix.Rows.Single(r => r.UnitId == _unitA).Cell(_periodId).HasSignedCopy);
        Assert.False(matrix.Rows.Single(r => r.UnitId == _unitB).Cell(_periodId).HasSignedCopy);
        Assert.Equal([_unitB], matrix.SignedCopyMissing(_periodId).Select(e => e.UnitId));
        Assert.Equal(2, matrix.Periods.Single(p => p.Id == _periodId).Rates.Submitted);
    }

    private async Task<int> PlanOfAsync()
    {
        await using var context = _db.CreateContext();
        return await context.Periods.Where(p => p.Id == _periodId).Select(p => p.PlanId).SingleAsync(Ct);
    }
}
