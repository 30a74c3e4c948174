using System.Text.Json;
using System.Text.Json.Serialization;
using LaiChau.CchcDashboard.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LaiChau.CchcDashboard.Data.Seeding;

/// <summary>
/// Loads plan seed files. Idempotent and conservative: it only inserts what is missing (a plan by
/// its seed key, a unit by its code, a holiday by its date) and never overwrites an edited record.
/// </summary>
public sealed class PlanSeeder(IDbContextFactory<CchcDbContext> dbFactory, ILogger<PlanSeeder> logger)
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static PlanSeedFile Read(string path)
    {
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<PlanSeedFile>(stream, JsonOptions)
            ?? throw new InvalidDataException($"Seed file {path} is empty.");
    }

    public async Task SeedAsync(PlanSeedFile seed, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(seed);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await IsSeededAsync(db, seed, ct))
        {
            return;
        }

        var units = await db.Units.ToDictionaryAsync(u => u.Code, ct);
        foreach (var u in seed.Units.Where(u => !units.ContainsKey(u.Code)))
        {
            var unit = new Unit { Code = u.Code, Name = u.Name, Kind = u.Kind, MustReport = u.MustReport, SortOrder = u.SortOrder };
            db.Units.Add(unit);
            units[u.Code] = unit;
        }

        var holidayDates = (await db.Holidays.Select(h => h.Date).ToListAsync(ct)).ToHashSet();
        db.Holidays.AddRange(seed.Holidays.Where(h => !holidayDates.Contains(h.Date))
            .Select(h => new Holiday { Date = h.Date, Name = h.Name }));

        if (!await db.Plans.AnyAsync(p => p.SeedKey == seed.Key, ct))
        {
            db.Plans.Add(BuildPlan(seed, units));
            logger.LogInformation("Seeded plan {Number} ({Year}) from {Key}", seed.Number, seed.Year, seed.Key);
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The start-up fast path: the plan, the seed's units and its holidays are all there, checked in
    /// three small queries without loading (or tracking) every unit of a province.
    /// </summary>
    private static async Task<bool> IsSeededAsync(CchcDbContext db, PlanSeedFile seed, CancellationToken ct)
    {
        if (!await db.Plans.AnyAsync(p => p.SeedKey == seed.Key, ct))
        {
            return false;
        }
        var codes = seed.Units.Select(u => u.Code).Distinct().ToList();
        var dates = seed.Holidays.Select(h => h.Date).Distinct().ToList();
        return await db.Units.CountAsync(u => codes.Contains(u.Code), ct) == codes.Count
            && await db.Holidays.CountAsync(h => dates.Contains(h.Date), ct) == dates.Count;
    }

    private static Plan BuildPlan(PlanSeedFile seed, Dictionary<string, Unit> units)
    {
        Unit UnitByCode(string code) => units.TryGetValue(code, out var unit)
            ? unit
            : throw new InvalidDataException($"Seed {seed.Key} names unknown unit code '{code}'.");

        return new Plan
        {
            SeedKey = seed.Key,
            Year = seed.Year,
            Number = seed.Number,
            IssuedOn = seed.IssuedOn,
            Title = seed.Title,
            ParentBody = seed.ParentBody,
            IssuingBody = seed.IssuingBody,
            Place = seed.Place,
            SignerCapacity = seed.SignerCapacity,
            SignerTitle = seed.SignerTitle,
            SignerName = seed.SignerName,
            Bases = [.. seed.Bases],
            Preamble = seed.Preamble,
            Closing = seed.Closing,
            Recipients = [.. seed.Recipients],
            Sections = [.. seed.Sections.Select((s, i) => new PlanSection { Order = i + 1, Level = s.Level, Heading = s.Heading, Body = s.Body })],
            Activities = [.. seed.Activities.Select(a => new PlanActivity
            {
                Kind = a.Kind,
                Order = a.Order,
                Content = a.Content,
                LeadUnit = a.Lead is null ? null : UnitByCode(a.Lead),
                LeadLabel = a.LeadLabel,
                CoordinationLabel = a.CoordinationLabel,
                CoordinatingUnits = [.. (a.Coordinating ?? []).Select(UnitByCode)],
                IsOngoing = a.Ongoing,
                TimingLabel = a.TimingLabel,
                DueAt = a.DueAt?.ToUniversalTime(),
                IsRequest = a.IsRequest,
            })],
            Periods = [.. seed.Periods.Select(p => new ReportingPeriod
            {
                Kind = p.Kind,
                Name = p.Name,
                CoversFrom = p.CoversFrom,
                CoversTo = p.CoversTo,
                DueAt = p.DueAt.ToUniversalTime(),
            })],
        };
    }
}
