using LaiChau.CchcDashboard.Common;
using LaiChau.CchcDashboard.Components;
using LaiChau.CchcDashboard.Data;
using LaiChau.CchcDashboard.Features.Account;
using LaiChau.CchcDashboard.Features.Admin;
using LaiChau.CchcDashboard.Features.Dashboard;
using LaiChau.CchcDashboard.Features.Documents;
using LaiChau.CchcDashboard.Features.Plans;
using LaiChau.CchcDashboard.Features.Reminders;
using LaiChau.CchcDashboard.Features.Reports;
using LaiChau.CchcDashboard.Features.SignedCopies;
using LaiChau.CchcDashboard.Jobs;

// `--migrate-only`: bring the database up to date (migrations, seeds, roles, administrator) and exit
// with 0, so that one instance of a multi-server deployment migrates before the others start.
var migrateOnly = args.Contains(DataExtensions.MigrateOnlySwitch, StringComparer.Ordinal);
var builder = WebApplication.CreateBuilder(args.Where(arg => arg != DataExtensions.MigrateOnlySwitch).ToArray());

builder.AddClock();
builder.AddSecurity();
builder.AddData();
builder.AddAccounts();
builder.AddPlans();
builder.AddDashboard();
builder.AddAdmin();
builder.AddReminders();
builder.AddJobs();
builder.AddDocuments();
builder.AddReports();
builder.AddSignedCopies();
builder.AddUi();

var app = builder.Build();

await app.InitialiseDatabaseAsync();
if (migrateOnly)
{
    return;
}

app.UseSecurity();
app.UseUi();
app.MapAccountEndpoints();
app.MapDocumentEndpoints();
app.MapHealth();
app.MapJobs();
app.MapReportEndpoints();
app.MapSignedCopyEndpoints();
app.MapRazorComponents<App>()
    .AddInteractiveServerRenderMode();

await app.RunAsync();

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
