using System.Diagnostics;
using System.Globalization;
using LaiChau.CchcDashboard.Common;
using LaiChau.CchcDashboard.Data;
using LaiChau.CchcDashboard.Data.Entities;
using LaiChau.CchcDashboard.Data.Seeding;
using LaiChau.CchcDashboard.Features.Reminders;
using LaiChau.CchcDashboard.Features.Reports;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace LaiChau.CchcDashboard.Benchmarks.Generation;

/// <summary>What to generate.</summary>
public sealed record GeneratorSettings(string Out, int Units = 5000, int Years = 5, int Seed = 20200518, int LastYear = 2020,
    double Filled = 0.6, string Password = "Demo@2020")
{
    public static GeneratorSettings Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var settings = new GeneratorSettings("");
        for (var i = 0; i < args.Count; i++)
        {
            string Next() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            settings = args[i] switch
            {
                "--units" => settings with { Units = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--years" => settings with { Years = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--out" => settings with { Out = Next() },
                "--seed" => settings with { Seed = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--last-year" => settings with { LastYear = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--filled" => settings with { Filled = double.Parse(Next(), CultureInfo.InvariantCulture) },
                "--password" => settings with { Password = Next() },
                _ => throw new ArgumentException($"Unknown option {args[i]}."),
            };
        }
        if (string.IsNullOrWhiteSpace(settings.Out))
        {
            throw new ArgumentException("--out <file.db> is required.");
        }
        if (settings.Units < 30 || settings.Years < 1 || settings.Filled is < 0 or > 1)
        {
            throw new ArgumentException("--units must be at least 30, --years at least 1, --filled between 0 and 1.");
        }
        return settings;
    }
}

/// <summary>
/// Builds a province-sized database for benchmarks and manual runs: the app's migrations and plan
/// seeder, then districts with their offices, wards and communes, users per unit, a plan per year
/// with reports in every state, activity progress and the reminder history up to the demo day.
/// Deterministic from the seed (except the salt of the one password hash shared by every account).
/// </summary>
public static class ScaleGenerator
{
    private static readonly TimeSpan Vn = TimeSpan.FromHours(7);

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        GeneratorSettings settings;
        try
        {
            settings = GeneratorSettings.Parse(args);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            await Console.Error.WriteLineAsync("usage: generate --units 5000 --years 5 --out province.db [--seed N] [--last-year 2020] [--filled 0.6] [--password Demo@2020]");
            return 2;
        }
        var watch = Stopwatch.StartNew();
        var summary = await GenerateAsync(settings);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{settings.Out}: {summary.Units} units ({summary.Districts} districts), {summary.Users} users, {summary.Periods} periods, {summary.Reports} reports, {summary.Reminders} reminders, {summary.Rows} rows in {watch.Elapsed.TotalSeconds:0.0} s."));
        return 0;
    }

    public sealed record Summary(int Units, int Districts, int Users, int Periods, int Reports, int Reminders, long Rows);

    public static async Task<Summary> GenerateAsync(GeneratorSettings settings, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var path = Path.GetFullPath(settings.Out);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        foreach (var file in new[] { path, path + "-wal", path + "-shm", path + "-journal" })
        {
            File.Delete(file);
        }
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDbContextFactory<CchcDbContext>(o => o.UseSqlite(connectionString));
        services.AddIdentityCore<AppUser>().AddRoles<IdentityRole>().AddEntityFrameworkStores<CchcDbContext>();
        await using var provider = services.BuildServiceProvider();
        var dbFactory = provider.GetRequiredService<IDbContextFactory<CchcDbContext>>();

        // The app's own schema and seed: migrations, the plan seed for every year, the roles.
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            await db.Database.MigrateAsync(ct);
        }
        var seedFile = DatabaseInitializer.SeedFiles(Directory.GetCurrentDirectory()).First();
        var seed = PlanSeeder.Read(seedFile);
        var planSeeder = new PlanSeeder(dbFactory, NullLogger<PlanSeeder>.Instance);
        for (var year = settings.LastYear - settings.Years + 1; year <= settings.LastYear; year++)
        {
            await planSeeder.SeedAsync(year == seed.Year ? seed : ForYear(seed, year), ct);
        }
        await using (var scope = provider.CreateAsyncScope())
        {
            var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
            foreach (var role in AppRoles.All)
            {
                if (!await roles.RoleExistsAsync(role))
                {
                    await roles.CreateAsync(new IdentityRole(role) { Id = "role-" + role, ConcurrencyStamp = "generated" });
                }
            }
        }

        var generator = new Builder(settings, new Random(settings.Seed));
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            await generator.RunAsync(db, ct);
        }
        return generator.Summary;
    }

    /// <summary>The 2020 seed moved to another year (numbers, names and dates; holidays shifted by whole years).</summary>
    private static PlanSeedFile ForYear(PlanSeedFile seed, int year)
    {
        var shift = year - seed.Year;
        var from = seed.Year.ToString(CultureInfo.InvariantCulture);
        var to = year.ToString(CultureInfo.InvariantCulture);
        string Text(string s) => s.Replace(from, to, StringComparison.Ordinal);
        DateOnly? Day(DateOnly d) => d.Month == 2 && d.Day == 29 && !DateTime.IsLeapYear(d.Year + shift) ? null : d.AddYears(shift);
        return seed with
        {
            Key = string.Create(CultureInfo.InvariantCulture, $"{seed.Key}-generated-{year}"),
            Year = year,
            Number = string.Create(CultureInfo.InvariantCulture, $"{10 + year % 80}/KH-UBND"),
            IssuedOn = seed.IssuedOn.AddYears(shift),
            Title = Text(seed.Title),
            Preamble = Text(seed.Preamble),
            Sections = [.. seed.Sections.Select(s => s with { Heading = Text(s.Heading), Body = Text(s.Body) })],
            Activities = [.. seed.Activities.Select(a => a with { Content = Text(a.Content), TimingLabel = Text(a.TimingLabel), DueAt = a.DueAt?.AddYears(shift) })],
            Periods = [.. seed.Periods.Select(p => p with { Name = Text(p.Name), CoversFrom = p.CoversFrom.AddYears(shift), CoversTo = p.CoversTo.AddYears(shift), DueAt = p.DueAt.AddYears(shift) })],
            Holidays = [.. seed.Holidays.Select(h => Day(h.Date) is { } d ? h with { Date = d } : null).OfType<HolidaySeed>()],
        };
    }

    private sealed class Builder(GeneratorSettings settings, Random random)
    {
        private readonly DateTimeOffset _now = new DemoOptions().ClockStartsAt.ToUniversalTime();
        private readonly List<Unit> _units = [];
        private readonly Dictionary<int, List<AppUser>> _usersByUnit = [];
        private readonly Dictionary<(int UnitId, int PeriodId), DateTimeOffset?> _firstSubmitted = [];
        private int _userCount, _reportId, _documentId, _transitionId, _reminderId, _deliveryId, _notificationId, _updateId, _districts, _reports, _reminders;

        public Summary Summary => new(_units.Count(u => u.MustReport), _districts, _userCount, PeriodCount, _reports, _reminders, Rows);

        public async Task RunAsync(CchcDbContext db, CancellationToken ct)
        {
            var seedUnits = await db.Units.OrderBy(u => u.SortOrder).ToListAsync(ct);
            GiveContacts(seedUnits);
            var activities = await db.Activities.Include(a => a.Plan).Where(a => a.Plan!.Year <= settings.LastYear).ToListAsync(ct);
            var progress = Progress(activities);
            await db.SaveChangesAsync(ct);
            _units.AddRange(seedUnits);

            var periods = await db.Periods.AsNoTracking().Include(p => p.Plan).OrderBy(p => p.DueAt).ToListAsync(ct);
            var holidays = await db.Holidays.AsNoTracking().Select(h => h.Date).ToListAsync(ct);
            var roleIds = await db.Roles.AsNoTracking().ToDictionaryAsync(r => r.Name!, r => r.Id, ct);

            await db.Database.OpenConnectionAsync(ct);
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            await using (var pragma = connection.CreateCommand())
            {
                pragma.CommandText = "PRAGMA synchronous = OFF";
                await pragma.ExecuteNonQueryAsync(ct);
            }
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
            using var writer = new BulkWriter(db, connection, transaction);

            var newUnits = NewUnits(_units.Max(u => u.Id) + 1, settings.Units - _units.Count(u => u.MustReport));
            writer.Insert(newUnits);
            _units.AddRange(newUnits);

            var users = Users(roleIds);
            writer.Insert(users.Select(u => u.User));
            writer.Insert(users.Select(u => new IdentityUserRole<string> { UserId = u.User.Id, RoleId = u.RoleId }));
            writer.Insert(progress);

            var reporting = _units.Where(u => u.MustReport && u.IsActive).ToList();
            foreach (var period in periods)
            {
                var (reports, documents, transitions) = Reports(period, reporting);
                writer.Insert(reports);
                writer.Insert(documents);
                writer.Insert(transitions);
            }

            var calendar = new WorkingCalendar(holidays);
            var options = new ReminderOptions();
            var homeAffairs = _units.First(u => u.Code == options.HomeAffairsUnitCode).Email;
            foreach (var period in periods)
            {
                var (reminders, deliveries, notifications) = ReminderHistory(period, reporting, calendar, options, homeAffairs);
                writer.Insert(reminders);
                writer.Insert(deliveries);
                writer.Insert(notifications);
            }
            await transaction.CommitAsync(ct);
            await db.Database.CloseConnectionAsync();
            Rows = writer.Rows;
            PeriodCount = periods.Count;
        }

        public long Rows { get; private set; }
        public int PeriodCount { get; private set; }

        private string Person() =>
            $"{Pick(ProvinceNames.Surnames)} {Pick(ProvinceNames.Middles)} {Pick(ProvinceNames.Given)}";

        private Guid RandomGuid()
        {
            var bytes = new byte[16];
            random.NextBytes(bytes);
            return new Guid(bytes);
        }

        private string Pick(string[] items) => items[random.Next(items.Length)];

        private static string Slug(string code) => code.ToLowerInvariant();

        private void GiveContacts(List<Unit> units)
        {
            foreach (var (unit, i) in units.Select((u, i) => (u, i)))
            {
                unit.ContactName ??= Person();
                unit.Phone ??= string.Create(CultureInfo.InvariantCulture, $"0213 3876 {100 + i:000}");
                unit.Email ??= Slug(unit.Code) + "@laichau.example";
            }
        }

        /// <summary>Districts of about 60 units: 16 offices, a Party committee's propaganda board (no reports) and wards / communes.</summary>
        private List<Unit> NewUnits(int firstId, int count)
        {
            var names = ProvinceNames.Syllables.SelectMany(a => ProvinceNames.Syllables.Where(b => b != a).Select(b => a + " " + b)).ToList();
            random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(names));
            var nameIndex = 0;
            var units = new List<Unit>();
            var id = firstId;
            var made = 0;
            for (var d = 1; made < count; d++)
            {
                _districts = d;
                var district = d <= ProvinceNames.RealDistricts.Length ? ProvinceNames.RealDistricts[d - 1] : names[nameIndex++];
                var prefix = string.Create(CultureInfo.InvariantCulture, $"H{d:000}");
                Unit Make(string code, string name, UnitKind kind, bool mustReport, int order) => new()
                {
                    Id = id++,
                    Code = prefix + "-" + code,
                    Name = name,
                    Kind = kind,
                    MustReport = mustReport,
                    IsActive = true,
                    SortOrder = 1000 + d * 100 + order,
                    ContactName = Person(),
                    Phone = string.Create(CultureInfo.InvariantCulture, $"0213 {3800 + d % 200:0000} {order:000}"),
                    // About one unit in 25 has no e-mail address (the "cannot be e-mailed" list).
                    Email = random.NextDouble() < 0.04 ? null : Slug(prefix + "-" + code) + "@laichau.example",
                };
                foreach (var (office, i) in ProvinceNames.DistrictOffices.Select((o, i) => (o, i)))
                {
                    if (made >= count)
                    {
                        break;
                    }
                    units.Add(Make(string.Create(CultureInfo.InvariantCulture, $"P{i + 1:00}"), $"{office.Name} huyện {district}",
                        office.PublicService ? UnitKind.PublicServiceUnit : UnitKind.Department, true, i + 1));
                    made++;
                }
                units.Add(Make("BTG", $"Ban Tuyên giáo Huyện ủy {district}", UnitKind.PartyBody, false, 20));
                for (var c = 1; c <= 44 && made < count; c++)
                {
                    var isTown = c == 1;
                    units.Add(Make(string.Create(CultureInfo.InvariantCulture, $"X{c:00}"), $"{(isTown ? "Thị trấn" : "Xã")} {names[nameIndex++]} ({district})",
                        isTown ? UnitKind.Ward : UnitKind.Commune, true, 20 + c));
                    made++;
                }
            }
            return units;
        }

        private List<(AppUser User, string RoleId)> Users(Dictionary<string, string> roleIds)
        {
            var hash = new PasswordHasher<AppUser>().HashPassword(new AppUser(), settings.Password);
            var byCode = _units.ToDictionary(u => u.Code);
            AppUser Make(string userName, string fullName, int? unitId) => new()
            {
                Id = RandomGuid().ToString(),
                UserName = userName,
                NormalizedUserName = userName.ToUpperInvariant(),
                Email = userName + "@laichau.example",
                NormalizedEmail = (userName + "@laichau.example").ToUpperInvariant(),
                EmailConfirmed = true,
                FullName = fullName,
                UnitId = unitId,
                PasswordHash = hash,
                LockoutEnabled = true,
                SecurityStamp = RandomGuid().ToString("N").ToUpperInvariant(),
                ConcurrencyStamp = RandomGuid().ToString(),
            };
            var list = new List<(AppUser, string)>();
            // The demo accounts, so the app in Development skips its demo seeding and the README's sign-ins work.
            foreach (var account in DemoSeeder.Accounts)
            {
                var user = Make(account.UserName, account.FullName, account.UnitCode is null ? null : byCode[account.UnitCode].Id);
                list.Add((user, roleIds[account.Role]));
            }
            foreach (var unit in _units.Where(u => u.MustReport))
            {
                var count = unit.Kind is UnitKind.Ward or UnitKind.Commune ? 2 : 1;
                for (var k = 1; k <= count; k++)
                {
                    var userName = string.Create(CultureInfo.InvariantCulture, $"{Slug(unit.Code)}.{k}");
                    list.Add((Make(userName, Person(), unit.Id), roleIds[unit.Code == "P-NOI-VU" ? AppRoles.HomeAffairs : AppRoles.Unit]));
                }
            }
            _userCount = list.Count;
            foreach (var (user, _) in list)
            {
                if (user.UnitId is { } unitId)
                {
                    if (!_usersByUnit.TryGetValue(unitId, out var users))
                    {
                        _usersByUnit[unitId] = users = [];
                    }
                    users.Add(user);
                }
            }
            return list;
        }

        /// <summary>Past years are complete (activities done); in the current year they are under way up to the demo day.</summary>
        private List<ActivityProgressUpdate> Progress(List<PlanActivity> activities)
        {
            var updates = new List<ActivityProgressUpdate>();
            foreach (var activity in activities.OrderBy(a => a.PlanId).ThenBy(a => a.Id))
            {
                var year = activity.Plan!.Year;
                var current = year == settings.LastYear;
                var count = current ? random.Next(0, 5) : random.Next(3, 9);
                var lastMonth = current ? VietnamTime.ToLocal(_now).Month : 12;
                for (var i = 0; i < count; i++)
                {
                    var month = 1 + i * lastMonth / Math.Max(count, 1);
                    var date = new DateOnly(year, month, random.Next(1, 28));
                    if (current && date >= VietnamTime.LocalDate(_now))
                    {
                        continue;
                    }
                    var at = new DateTimeOffset(date.ToDateTime(new TimeOnly(16, 0)), Vn).ToUniversalTime();
                    updates.Add(new ActivityProgressUpdate
                    {
                        Id = ++_updateId,
                        ActivityId = activity.Id,
                        Date = date,
                        Description = Pick(ProvinceNames.ProgressNotes),
                        Articles = random.Next(0, 3) == 0 ? null : random.Next(1, 20),
                        Sessions = random.Next(0, 4),
                        BroadcastMinutes = random.Next(0, 2) == 0 ? null : random.Next(30, 600),
                        Participants = random.Next(0, 300),
                        AuthorName = Person(),
                        AuthorUnitId = activity.LeadUnitId,
                        CreatedAt = at,
                    });
                    if (activity.Status == ActivityStatus.NotStarted)
                    {
                        activity.Status = ActivityStatus.InProgress;
                        activity.StartedAt = at;
                    }
                }
                if (!current && !activity.IsOngoing)
                {
                    activity.Status = ActivityStatus.Completed;
                    activity.StartedAt ??= new DateTimeOffset(year, 2, 1, 1, 0, 0, TimeSpan.Zero);
                    activity.CompletedAt = activity.DueAt ?? new DateTimeOffset(year, 12, 20, 1, 0, 0, TimeSpan.Zero);
                }
            }
            return updates;
        }

        private (List<UnitReport>, List<ReportDocument>, List<ReportTransition>) Reports(ReportingPeriod period, List<Unit> units)
        {
            var reports = new List<UnitReport>();
            var documents = new List<ReportDocument>();
            var transitions = new List<ReportTransition>();
            var past = period.DueAt < _now;
            var open = !past && period.DueAt - _now < TimeSpan.FromDays(30);
            foreach (var unit in units)
            {
                var roll = random.NextDouble();
                ReportState? state = past
                    ? roll switch { < 0.05 => null, < 0.08 => ReportState.Draft, < 0.11 => ReportState.Returned, < 0.20 => ReportState.Resubmitted, < 0.45 => ReportState.Submitted, _ => ReportState.Accepted }
                    : open
                        ? roll >= settings.Filled ? null : (roll / settings.Filled) switch
                        { < 0.35 => ReportState.Draft, < 0.65 => ReportState.Submitted, < 0.75 => ReportState.Returned, < 0.85 => ReportState.Resubmitted, _ => ReportState.Accepted }
                        : roll < 0.05 ? ReportState.Draft : null;
                if (state is not { } s)
                {
                    _firstSubmitted[(unit.Id, period.Id)] = null;
                    continue;
                }
                var person = _usersByUnit.GetValueOrDefault(unit.Id)?.FirstOrDefault()?.FullName ?? unit.ContactName ?? "Cán bộ đơn vị";
                // Submitted before the deadline mostly; past periods also have late ones. Open periods: before the demo day.
                var latest = past ? period.DueAt.AddDays(random.NextDouble() < 0.15 ? random.Next(1, 40) : 0) : _now.AddHours(-2);
                var first = latest.AddMinutes(-random.Next(30, 20 * 24 * 60));
                var report = new UnitReport { Id = ++_reportId, PeriodId = period.Id, UnitId = unit.Id, State = s, UpdatedBy = person, Version = 1 };
                var complete = s != ReportState.Draft;
                Fill(report, period, unit, person, complete, documents);
                var created = first.AddDays(-random.Next(1, 6));
                void Move(ReportState from, ReportState to, DateTimeOffset at, string by, string? comment = null) =>
                    transitions.Add(new ReportTransition { Id = ++_transitionId, ReportId = report.Id, FromState = from, ToState = to, At = at, UserName = by, Comment = comment });
                Move(ReportState.NotStarted, ReportState.Draft, created, person);
                report.UpdatedAt = created;
                if (complete)
                {
                    report.FirstSubmittedAt = report.SubmittedAt = first;
                    report.UpdatedAt = first;
                    Move(ReportState.Draft, ReportState.Submitted, first, person);
                    var reviewer = "Lò Thị Mai";
                    if (s is ReportState.Returned or ReportState.Resubmitted)
                    {
                        var returnedAt = first.AddHours(random.Next(2, 48));
                        returnedAt = returnedAt < _now ? returnedAt : _now.AddHours(-1);
                        Move(ReportState.Submitted, ReportState.Returned, returnedAt, reviewer, Pick(ProvinceNames.ReturnComments));
                        report.UpdatedAt = returnedAt;
                        if (s == ReportState.Resubmitted)
                        {
                            var again = returnedAt.AddHours(random.Next(1, 72));
                            report.SubmittedAt = again < _now ? again : _now.AddMinutes(-30);
                            report.UpdatedAt = report.SubmittedAt.Value;
                            Move(ReportState.Returned, ReportState.Resubmitted, report.SubmittedAt.Value, person);
                        }
                    }
                    if (s == ReportState.Accepted)
                    {
                        var acceptedAt = first.AddHours(random.Next(1, 72));
                        report.AcceptedAt = acceptedAt < _now ? acceptedAt : _now.AddMinutes(-10);
                        report.UpdatedAt = report.AcceptedAt.Value;
                        Move(ReportState.Submitted, ReportState.Accepted, report.AcceptedAt.Value, reviewer);
                    }
                }
                _firstSubmitted[(unit.Id, period.Id)] = report.FirstSubmittedAt;
                reports.Add(report);
            }
            _reports += reports.Count;
            return (reports, documents, transitions);
        }

        /// <summary>A submitted report has every required field; a draft about half of them.</summary>
        private void Fill(UnitReport r, ReportingPeriod period, Unit unit, string person, bool complete, List<ReportDocument> documents)
        {
            bool Has() => complete || random.NextDouble() < 0.5;
            var year = period.Plan!.Year;
            var suffix = unit.Kind is UnitKind.Ward or UnitKind.Commune ? "UBND" : "DV";
            if (Has())
            {
                r.DocumentNumber = string.Create(CultureInfo.InvariantCulture, $"{random.Next(1, 99):00}/BC-{suffix}");
            }
            if (Has())
            {
                r.DocumentDate = VietnamTime.LocalDate(period.DueAt).AddDays(-random.Next(3, 20));
            }
            if (Has())
            {
                r.SignerName = person;
            }
            if (Has())
            {
                r.SignerTitle = unit.Kind is UnitKind.Ward or UnitKind.Commune ? "Chủ tịch" : unit.Kind == UnitKind.PublicServiceUnit ? "Giám đốc" : "Trưởng phòng";
            }
            var docs = random.Next(0, 4);
            for (var i = 1; i <= docs; i++)
            {
                documents.Add(new ReportDocument
                {
                    Id = ++_documentId,
                    ReportId = r.Id,
                    Order = i,
                    Number = string.Create(CultureInfo.InvariantCulture, $"{i:00}/KH-{suffix}"),
                    Date = new DateOnly(year, 1 + i % 4, 5 + i),
                    Summary = string.Create(CultureInfo.InvariantCulture, $"Kế hoạch tuyên truyền cải cách hành chính năm {year} (đợt {i})"),
                    Content = "Triển khai tuyên truyền các nội dung CCHC đến cán bộ, công chức và nhân dân.",
                });
            }
            if (Has())
            {
                r.ContentPropagated = string.Format(CultureInfo.InvariantCulture, Pick(ProvinceNames.Contents), year);
            }
            r.DocumentCount = Has() ? docs : null;
            r.NewsArticleCount = Has() ? random.Next(0, 50) : null;
            r.ModelCount = Has() ? random.Next(0, 4) : null;
            r.ExemplaryExampleCount = Has() ? random.Next(0, 6) : null;
            r.SessionCount = Has() ? random.Next(0, 15) : null;
            r.BroadcastMinutes = Has() ? random.Next(0, 1000) : null;
            r.ParticipantCount = Has() ? random.Next(0, 900) : null;
            if (Has())
            {
                r.Audiences = [.. ProvinceNames.Audiences.Where(_ => random.NextDouble() < 0.4).DefaultIfEmpty(ProvinceNames.Audiences[1])];
            }
            if (Has())
            {
                r.Forms = (CommunicationForms)random.Next(1, 1 << 11);
            }
            r.Results = Has() ? Pick(ProvinceNames.Results) : null;
            r.Strengths = Has() ? Pick(ProvinceNames.Strengths) : null;
            r.Limitations = Has() ? Pick(ProvinceNames.Limitations) : null;
        }

        /// <summary>Most notifications were read within a day or so; none after the demo day.</summary>
        private DateTimeOffset? ReadAt(DateTimeOffset created)
        {
            var read = created.AddHours(random.Next(1, 30));
            return random.NextDouble() < 0.7 && read < _now ? read : null;
        }

        /// <summary>The reminders the daily pass would have sent before the demo day, with their deliveries and notifications.</summary>
        private (List<Reminder>, List<ReminderDelivery>, List<Notification>) ReminderHistory(ReportingPeriod period, List<Unit> units,
            WorkingCalendar calendar, ReminderOptions options, string? homeAffairsEmail)
        {
            var reminders = new List<Reminder>();
            var deliveries = new List<ReminderDelivery>();
            var notifications = new List<Notification>();
            var yesterday = VietnamTime.LocalDate(_now).AddDays(-1);
            var schedule = ReminderPolicy.Schedule(period.DueAt, yesterday, options, calendar);
            foreach (var unit in units)
            {
                var submitted = _firstSubmitted.GetValueOrDefault((unit.Id, period.Id));
                foreach (var step in schedule)
                {
                    var at = new DateTimeOffset(step.SendOn.ToDateTime(new TimeOnly(7, 30)), Vn).ToUniversalTime().AddSeconds(random.Next(1, 60));
                    if (submitted is { } s && s <= at)
                    {
                        break;
                    }
                    var reminder = new Reminder
                    {
                        Id = ++_reminderId,
                        UnitId = unit.Id,
                        PeriodId = period.Id,
                        Step = step.Step,
                        IsOverdue = step.IsOverdue,
                        CreatedBy = "Hệ thống",
                        ScheduledFor = step.SendOn,
                        CreatedAt = at,
                    };
                    reminders.Add(reminder);
                    var message = ReminderMessages.Compose(new ReminderContent(unit.Name, period.Name, period.Id, period.DueAt, step.Step, step.IsOverdue, null), at, options.BaseUrl);
                    foreach (var user in _usersByUnit.GetValueOrDefault(unit.Id) ?? [])
                    {
                        deliveries.Add(new ReminderDelivery { Id = ++_deliveryId, ReminderId = reminder.Id, Channel = DeliveryChannel.InApp, Recipient = user.UserName!, Outcome = DeliveryOutcome.Sent, Attempts = 1, LastAttemptAt = at });
                        notifications.Add(new Notification
                        {
                            Id = ++_notificationId,
                            UserId = user.Id,
                            Title = message.Headline,
                            Body = message.InAppBody,
                            Link = message.Link,
                            CreatedAt = at,
                            ReminderId = reminder.Id,
                            ReadAt = ReadAt(at),
                        });
                    }
                    if (unit.Email is { Length: > 0 } email)
                    {
                        deliveries.Add(new ReminderDelivery { Id = ++_deliveryId, ReminderId = reminder.Id, Channel = DeliveryChannel.Email, Recipient = email, Outcome = DeliveryOutcome.Sent, Attempts = 1, LastAttemptAt = at.AddSeconds(5) });
                    }
                    if (step.IsOverdue && homeAffairsEmail is { Length: > 0 } copy && !string.Equals(copy, unit.Email, StringComparison.OrdinalIgnoreCase))
                    {
                        deliveries.Add(new ReminderDelivery { Id = ++_deliveryId, ReminderId = reminder.Id, Channel = DeliveryChannel.Email, Recipient = copy, IsCopy = true, Outcome = DeliveryOutcome.Sent, Attempts = 1, LastAttemptAt = at.AddSeconds(6) });
                    }
                }
            }
            _reminders += reminders.Count;
            return (reminders, deliveries, notifications);
        }
    }
}
