using LaiChau.CchcDashboard.Data.Entities;

namespace LaiChau.CchcDashboard.Data.Seeding;

/// <summary>The shape of seeds/plan-YYYY.json.</summary>
public sealed record PlanSeedFile(
    string Key,
    int Year,
    string Number,
    DateOnly IssuedOn,
    string Title,
    string ParentBody,
    string IssuingBody,
    string Place,
    string SignerCapacity,
    string SignerTitle,
    string SignerName,
    List<string> Bases,
    string Preamble,
    List<SectionSeed> Sections,
    string Closing,
    List<string> Recipients,
    List<UnitSeed> Units,
    List<ActivitySeed> Activities,
    List<PeriodSeed> Periods,
    List<HolidaySeed> Holidays);

public sealed record SectionSeed(int Level, string Heading, string Body);

public sealed record UnitSeed(string Code, string Name, UnitKind Kind, bool MustReport, int SortOrder);

public sealed record ActivitySeed(
    ActivityKind Kind,
    int Order,
    string Content,
    string? Lead,
    string? LeadLabel,
    string? CoordinationLabel,
    List<string>? Coordinating,
    bool Ongoing,
    string TimingLabel,
    DateTimeOffset? DueAt,
    bool IsRequest);

public sealed record PeriodSeed(PeriodKind Kind, string Name, DateOnly CoversFrom, DateOnly CoversTo, DateTimeOffset DueAt);

public sealed record HolidaySeed(DateOnly Date, string Name);
