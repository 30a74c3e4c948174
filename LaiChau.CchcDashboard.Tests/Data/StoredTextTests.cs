using System.Net;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using LaiChau.CchcDashboard.Common;
using LaiChau.CchcDashboard.Data;
using LaiChau.CchcDashboard.Data.Entities;
using LaiChau.CchcDashboard.Features.Documents;
using LaiChau.CchcDashboard.Features.Reminders;
using LaiChau.CchcDashboard.Features.Reports;
using LaiChau.CchcDashboard.Tests.Features.Documents;
using LaiChau.CchcDashboard.Tests.Features.Reminders;
using LaiChau.CchcDashboard.Tests.TestInfrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static LaiChau.CchcDashboard.Tests.Features.Reports.ReportTestData;

namespace LaiChau.CchcDashboard.Tests.Data;

/// <summary>
/// Every stored text is normalised on save (NFC, no control characters but tab and line breaks,
/// no bidi overrides), and the writers survive rows stored before that rule.
/// </summary>
public sealed class StoredTextTests
{
    private static readonly string DoanhNghiepNfc = "Doanh nghiệp".Normalize(NormalizationForm.FormC);
    private static readonly string DoanhNghiepNfd = "Doanh nghiệp".Normalize(NormalizationForm.FormD);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("Phường\u000B Tân Phong", "Phường Tân Phong")]
    [InlineData("A\0B\u0007C\u001bD\u0085E\u009fF", "ABCDEF")]
    [InlineData("dòng 1\r\ndòng 2\tcột", "dòng 1\r\ndòng 2\tcột")]
    [InlineData("abc\u202Eevil\u202C \u2066x\u2069", "abcevil x")]
    [InlineData("Lễ hội 😀 CCHC", "Lễ hội 😀 CCHC")]
    [InlineData("=HYPERLINK(\"x\") <script>", "=HYPERLINK(\"x\") <script>")]
    public void Normalise_KeepsTextAndLineBreaks_DropsControlAndBidiCharacters(string input, string expected) =>
        Assert.Equal(expected, StoredText.Normalise(input));

    [Fact]
    public void Normalise_DropsAnUnpairedSurrogate() =>
        Assert.Equal("half  surrogate", StoredText.Normalise("half \uD83D surrogate"));

    [Fact]
    public void Normalise_ComposesNfdToNfc() =>
        Assert.Equal(DoanhNghiepNfc, StoredText.Normalise(DoanhNghiepNfd));

    [Fact]
    public async Task Save_OfAnyEntity_StoresNormalisedText()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = database.CreateContext())
        {
            db.Units.Add(new Unit { Code = "DV-NFD", Name = "Phường\u000B Tân\u0000 Phong " + DoanhNghiepNfd, ContactName = "Lò\u202E Văn", Kind = UnitKind.Ward });
            await db.SaveChangesAsync(Ct);
        }

        await using var read = database.CreateContext();
        var unit = await read.Units.SingleAsync(u => u.Code == "DV-NFD", Ct);
        Assert.Equal("Phường Tân Phong " + DoanhNghiepNfc, unit.Name);
        Assert.Equal("Lò Văn", unit.ContactName);
    }

    [Fact]
    public async Task ReportAudiences_TypedInNfdAndNfc_AreOneAudience_StoredInNfc()
    {
        await using var database = await TestDatabase.CreateAsync();
        var (_, periodId, _) = await AddPlanAsync(database);
        var unitId = (await AddUnitsAsync(database, 1))[0];
        var form = CompleteForm(periodId);
        form.Audiences = [DoanhNghiepNfd, "Nhân dân trên địa bàn", DoanhNghiepNfc];

        var saved = await Service(database, TestClock.AtDemoStart()).SaveDraftAsync(UnitUser(unitId), form, Ct);

        Assert.True(saved.Succeeded);
        await using var db = database.CreateContext();
        var audiences = (await db.Reports.SingleAsync(r => r.Id == saved.ReportId, Ct)).Audiences;
        Assert.Equal([DoanhNghiepNfc, "Nhân dân trên địa bàn"], audiences);
    }

    /// <summary>Writes bad text straight into the database, as rows stored before the rule would be.</summary>
    private static async Task StoreRawAsync(CchcAppFactory app, Func<DatabaseProvider, string> sql)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<CchcDbContext>>().CreateDbContextAsync(Ct);
        await db.Database.ExecuteSqlRawAsync(sql(db.Database.ProviderOf()), Ct);
    }

    /// <summary>
    /// The SQL expression for one character. PostgreSQL refuses NUL in text (such a row cannot be
    /// stored there), so on PostgreSQL a NUL becomes the empty string and the other control characters remain.
    /// </summary>
    private static string Char(DatabaseProvider provider, int code) => provider switch
    {
        DatabaseProvider.Postgres => code == 0 ? "''" : $"chr({code})",
        _ => $"char({code})",
    };

    [Fact]
    public async Task XlsxExports_WithControlCharactersAlreadyStored_StillOpen()
    {
        await using var app = new CchcAppFactory();
        await StoreRawAsync(app, p =>
            $"UPDATE \"Units\" SET \"Name\" = \"Name\" || {Char(p, 11)} || ' (cũ)' || {Char(p, 0)}, \"ContactName\" = 'Lò' || {Char(p, 11)} || {Char(p, 1)} || 'Văn' WHERE \"Code\" = 'PH-TAN-PHONG'");
        int planId, periodId;
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<CchcDbContext>>().CreateDbContextAsync(Ct))
        {
            var period = await db.Periods.SingleAsync(p => p.Plan!.Year == 2020 && p.Kind == PeriodKind.SixMonth, Ct);
            (planId, periodId) = (period.PlanId, period.Id);
        }
        using var client = await app.SignedInClientAsync("noivu");

        foreach (var url in new[] { ReportsExtensions.MatrixXlsx(planId), ReportsExtensions.CallListXlsx(periodId) })
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct));
            using var workbook = SpreadsheetDocument.Open(stream, false);
            var text = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet.InnerText;
            Assert.Contains("Phường Tân Phong (cũ)", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task UnitReportPdf_WithAnEmojiTheFontLacks_ShowsAVisibleReplacement()
    {
        TestFonts.Require();
        await using var app = new CchcAppFactory();
        await StoreRawAsync(app, p =>
            $"UPDATE \"Reports\" SET \"ContentPropagated\" = 'Ngày hội 😀 CCHC' || {Char(p, 11)} || ' vui' WHERE \"UnitId\" = (SELECT \"Id\" FROM \"Units\" WHERE \"Code\" = 'PH-TAN-PHONG')");
        int reportId;
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<CchcDbContext>>().CreateDbContextAsync(Ct))
        {
            reportId = await db.Reports.Where(r => r.Unit!.Code == "PH-TAN-PHONG" && r.Period!.Kind == PeriodKind.SixMonth).Select(r => r.Id).SingleAsync(Ct);
        }
        using var client = await app.SignedInClientAsync("tanphong");

        using var response = await client.GetAsync(new Uri(DocumentLinks.UnitReport(reportId), UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var pdf = new PdfReadBack(await response.Content.ReadAsByteArrayAsync(Ct));
        Assert.Matches("Ngày hội [□?] CCHC vui", pdf.Text);
    }

    [Fact]
    public async Task ReminderEmail_ForAUnitNameStoredWithNul_CarriesNoControlCharacters()
    {
        var database = await TestDatabase.CreateSeededAsync();
        await using var _ = database;
        await ReminderTestKit.GiveUnitsEmailsAsync(database.Factory);
        await using (var db = database.CreateContext())
        {
            var p = database.Provider;
            var sql = $"UPDATE \"Units\" SET \"Name\" = 'Phường' || {Char(p, 0)} || ' Tân' || {Char(p, 11)} || ' Phong' WHERE \"Code\" = 'PH-TAN-PHONG'";
            await db.Database.ExecuteSqlRawAsync(sql, Ct);
        }
        await using var server = new InProcessSmtpServer();
        await server.StartAsync();
        var mail = new MailSender(Microsoft.Extensions.Options.Options.Create(new SmtpOptions { Host = "127.0.0.1", Port = server.Port, UseTls = false, From = "cchc@laichau.example", TimeoutSeconds = 5 }),
            new TestEnvironment(Path.GetTempPath()));
        var kit = new ReminderTestKit(database.Factory, ReminderTestKit.EarlyClock(), mail: mail);
        kit.PassTimeOn(new DateOnly(2020, 5, 18));
        await kit.Service.RunPassAsync(Ct);

        await kit.Email!.DrainAsync(Ct);

        var (_, message) = server.Received.Single(r => r.To.Contains("ph-tan-phong@laichau.example"));
        Assert.EndsWith("Phường Tân Phong", message.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain(message.Subject + message.TextBody + message.HtmlBody, c => c is < ' ' and not ('\r' or '\n' or '\t'));
    }

    private sealed class TestEnvironment(string root) : Microsoft.Extensions.Hosting.IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Test";
        public string ApplicationName { get; set; } = "Tests";
        public string ContentRootPath { get; set; } = root;
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
