using System.Net;
using System.Text.RegularExpressions;
using LaiChau.CchcDashboard.Benchmarks.Generation;
using LaiChau.CchcDashboard.Data;
using LaiChau.CchcDashboard.Data.Entities;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LaiChau.CchcDashboard.Benchmarks;

/// <summary>
/// The whole app in process (WebApplicationFactory) on a working copy of a database: the 20-unit
/// demo database the app seeds itself, or a generated province. Demo mode (the demo clock at
/// 18/05/2020 08:00), no background job server, Hangfire's SQLite store in the work folder.
/// </summary>
public sealed partial class ScaleHost : WebApplicationFactory<Program>
{
    public const string Demo = "demo-20";
    public const string Province = "province-5000";

    /// <summary>Where generated databases are kept between runs (CCHC_BENCH_DIR, default /tmp/cchc-bench).</summary>
    public static string Folder => Environment.GetEnvironmentVariable("CCHC_BENCH_DIR") is { Length: > 0 } dir ? dir : Path.Combine(Path.GetTempPath(), "cchc-bench");

    private readonly string _work;
    private readonly bool _measuresCircuits;

    private ScaleHost(string work, bool measuresCircuits)
    {
        _work = work;
        _measuresCircuits = measuresCircuits;
    }

    public string DatabasePath => Path.Combine(_work, "cchc.db");

    /// <summary>
    /// Starts the app on a working copy of <paramref name="database"/> (<see cref="Demo"/>, <see cref="Province"/>, or a path
    /// to a generated database file). With <paramref name="kestrel"/> it listens on a free 127.0.0.1 port for a
    /// browser and answers <see cref="CircuitMemory.Path"/> (this host only, never the app).
    /// </summary>
    public static async Task<ScaleHost> StartAsync(string database, bool kestrel = false)
    {
        var work = Path.Combine(Folder, "work-" + Path.GetFileNameWithoutExtension(database) + "-" + Environment.ProcessId);
        Directory.CreateDirectory(work);
        foreach (var file in Directory.GetFiles(work))
        {
            File.Delete(file);
        }
        if (database == Province)
        {
            var source = Path.Combine(Folder, "province-5000.db");
            if (!File.Exists(source))
            {
                await ScaleGenerator.GenerateAsync(new GeneratorSettings(source));
            }
            File.Copy(source, Path.Combine(work, "cchc.db"));
        }
        else if (database != Demo)
        {
            File.Copy(database, Path.Combine(work, "cchc.db"));
        }
        var host = new ScaleHost(work, kestrel);
        if (kestrel)
        {
            host.UseKestrel(0);
            host.StartServer();
        }
        else
        {
            _ = host.Server;
        }
        return host;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting($"ConnectionStrings:{DataExtensions.ConnectionStringName}", new SqliteConnectionStringBuilder { DataSource = DatabasePath }.ToString());
        builder.UseSetting("Demo:Enabled", "true");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Jobs:RunServer", "false");
        builder.UseSetting("Jobs:SqlitePath", Path.Combine(_work, "hangfire.db"));
        builder.UseSetting("Smtp:PickupFolder", Path.Combine(_work, "mail"));
        if (_measuresCircuits)
        {
            builder.ConfigureServices(CircuitMemory.AddEndpoint);
        }
    }

    /// <summary>The address the app listens on (Kestrel mode).</summary>
    public string BaseUrl => ClientOptions.BaseAddress.ToString().TrimEnd('/');

    /// <summary>
    /// Two periods open for reminders on the demo day: the annual report of the demo year moved
    /// (as Phòng Nội vụ may move a due date) to 01/06, so its T-14 step falls on 18/05 beside the
    /// 6-month report's T-7.
    /// </summary>
    public async Task<(int PlanId, int SixMonthId, int AnnualId)> OpenTwoPeriodsAsync()
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<CchcDbContext>>().CreateDbContextAsync();
        var plan = await db.Plans.Where(p => p.Year == 2020).Select(p => p.Id).SingleAsync();
        var sixMonth = await db.Periods.Where(p => p.PlanId == plan && p.Kind == PeriodKind.SixMonth).Select(p => p.Id).SingleAsync();
        var annual = await db.Periods.Where(p => p.PlanId == plan && p.Kind == PeriodKind.Annual).Select(p => p.Id).SingleAsync();
        var dueAt = new DateTimeOffset(2020, 6, 1, 0, 0, 0, TimeSpan.FromHours(7)).ToUniversalTime();
        await db.Periods.Where(p => p.Id == annual).ExecuteUpdateAsync(s => s.SetProperty(p => p.DueAt, dueAt));
        return (plan, sixMonth, annual);
    }

    /// <summary>The highest rowid of every table, so an iteration can remove what the previous one added.</summary>
    public Dictionary<string, long> Snapshot()
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString());
        connection.Open();
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE '%WITHOUT ROWID%'";
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }
        var result = new Dictionary<string, long>();
        foreach (var table in tables)
        {
            using var max = connection.CreateCommand();
            max.CommandText = $"SELECT coalesce(max(rowid), 0) FROM \"{table}\"";
            result[table] = Convert.ToInt64(max.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }
        return result;
    }

    /// <summary>The rows of a table added since the snapshot.</summary>
    public long Added(string table, Dictionary<string, long> snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString());
        connection.Open();
        using var count = connection.CreateCommand();
        count.CommandText = $"SELECT count(*) FROM \"{table}\" WHERE rowid > {snapshot[table]}";
        return Convert.ToInt64(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Restore(Dictionary<string, long> snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString());
        connection.Open();
        using (var off = connection.CreateCommand())
        {
            off.CommandText = "PRAGMA foreign_keys = OFF";
            off.ExecuteNonQuery();
        }
        using var tx = connection.BeginTransaction();
        foreach (var (table, max) in snapshot)
        {
            using var delete = connection.CreateCommand();
            delete.Transaction = tx;
            delete.CommandText = $"DELETE FROM \"{table}\" WHERE rowid > {max}";
            delete.ExecuteNonQuery();
        }
        tx.Commit();
    }

    /// <summary>A client signed in through the real sign-in form.</summary>
    public async Task<HttpClient> SignedInClientAsync(string userName, string password = "Demo@2020")
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var form = await client.GetStringAsync(new Uri("/account/login", UriKind.Relative));
        var token = AntiforgeryToken().Match(form).Groups[1].Value;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        });
        using var response = await client.PostAsync(new Uri("/account/login", UriKind.Relative), content);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {userName} failed with {response.StatusCode}.");
        }
        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
            // Left for the temp folder clean-up.
        }
    }
}
