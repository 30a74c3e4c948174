namespace LaiChau.CchcDashboard.Data.Entities;

public enum PeriodKind
{
    SixMonth = 1,
    Annual = 2,
}

/// <summary>A reporting round of a plan: the span its figures cover and the instant reports are due.</summary>
public sealed class ReportingPeriod
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public Plan? Plan { get; set; }
    public PeriodKind Kind { get; set; }
    public string Name { get; set; } = "";
    /// <summary>First local day the figures cover.</summary>
    public DateOnly CoversFrom { get; set; }
    /// <summary>Last local day the figures cover (inclusive).</summary>
    public DateOnly CoversTo { get; set; }
    /// <summary>
    /// "trước ngày 25/5/2020" = before 25/05/2020 00:00 local time, stored in UTC (2020-05-24T17:00Z).
    /// A report submitted strictly before this instant is on time.
    /// </summary>
    public DateTimeOffset DueAt { get; set; }

    /// <summary>The city's consolidated report for the period as Phòng Nội vụ issues it: "15/BC-NV".</summary>
    public string? ConsolidatedNumber { get; set; }
    public DateOnly? ConsolidatedDate { get; set; }
    public string? ConsolidatedSignerName { get; set; }
    /// <summary>Signed by a deputy head ("KT. TRƯỞNG PHÒNG / PHÓ TRƯỞNG PHÒNG") rather than the head.</summary>
    public bool ConsolidatedSignedByDeputy { get; set; }

    public int Version { get; set; }
}
