using BenchmarkDotNet.Attributes;
using LaiChau.CchcDashboard.Common;
using LaiChau.CchcDashboard.Features.Account;
using LaiChau.CchcDashboard.Features.Reports;
using Microsoft.Extensions.DependencyInjection;

namespace LaiChau.CchcDashboard.Benchmarks;

/// <summary>
/// The two .xlsx writers alone, before and after streaming, on the same tracking matrix (loaded
/// once): <see cref="LegacyReportExcel"/> (a DOM of every cell in a SpreadsheetDocument on a
/// MemoryStream) against <see cref="ReportExcel"/> (cells streamed with OpenXmlWriter into a zip
/// in create mode). Both write into a stream that throws the bytes away, so only the writer is
/// measured; the HTTP exports, matrix query included, are in <see cref="ScaleBenchmarks"/>.
/// </summary>
[Config(typeof(ScaleBenchmarks.Config))]
[MemoryDiagnoser]
public class ExportWriterBenchmarks
{
    private ScaleHost _host = null!;
    private TrackingMatrix _matrix = null!;
    private int _sixMonthId;

    [Params(ScaleHost.Demo, ScaleHost.Province)]
    public string Database { get; set; } = ScaleHost.Demo;

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        _host = await ScaleHost.StartAsync(Database);
        int planId;
        (planId, _sixMonthId, _) = await _host.OpenTwoPeriodsAsync();
        await using var scope = _host.Services.CreateAsyncScope();
        var homeAffairs = new UserInfo("benchmark", "noivu", "Phòng Nội vụ", [AppRoles.HomeAffairs], null, null);
        _matrix = await scope.ServiceProvider.GetRequiredService<ReportTrackingService>().GetMatrixAsync(homeAffairs, planId);
        Console.WriteLine($"// sizes [{Database}]: matrix.xlsx old {MatrixBefore()} B, streamed {MatrixAfter()} B; calls.xlsx old {CallListBefore()} B, streamed {CallListAfter()} B");
    }

    [GlobalCleanup]
    public void Cleanup() => _host.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Baseline = true)]
    public int MatrixBefore() => LegacyReportExcel.Matrix(_matrix, "Kế hoạch 93/KH-UBND").Length;

    [Benchmark]
    public long MatrixAfter()
    {
        using var sink = new CountingStream();
        ReportExcel.WriteMatrix(sink, _matrix, "Kế hoạch 93/KH-UBND");
        return sink.Length;
    }

    [Benchmark]
    public int CallListBefore() => LegacyReportExcel.CallList(_matrix, _sixMonthId).Length;

    [Benchmark]
    public long CallListAfter()
    {
        using var sink = new CountingStream();
        ReportExcel.WriteCallList(sink, _matrix, _sixMonthId);
        return sink.Length;
    }

    /// <summary>A write-only, non-seekable stream that only counts bytes (like a response body).</summary>
    private sealed class CountingStream : Stream
    {
        private long _length;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _length;
        public override long Position { get => _length; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => _length += count;
        public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;
    }
}
