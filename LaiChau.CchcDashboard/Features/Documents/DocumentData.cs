using LaiChau.CchcDashboard.Common;
using LaiChau.CchcDashboard.Data.Entities;
using LaiChau.CchcDashboard.Features.Reports;

namespace LaiChau.CchcDashboard.Features.Documents;

/// <summary>The plan a period belongs to, as documents cite it.</summary>
public sealed record PlanReference(int Id, string Number, DateOnly? IssuedOn, string Title, string IssuingBody, string Place, int Year)
{
    /// <summary>"Kế hoạch số 93/KH-UBND ngày 17/01/2020 của UBND thành phố Lai Châu".</summary>
    public string Citation =>
        $"Kế hoạch số {(string.IsNullOrWhiteSpace(Number) ? OfficialParts.Blank : Number)}"
        + (IssuedOn is { } d ? $" ngày {VietnamTime.FormatDate(d)}" : "")
        + $" của {OfficialParts.BodyInSentence(IssuingBody)}";

    /// <summary>
    /// The parent body printed above a unit's or Phòng Nội vụ's name: the plan's issuing body, short
    /// ("UBND THÀNH PHỐ LAI CHÂU"). It comes from the plan, so another city's plan prints its own.
    /// </summary>
    public string ParentBodyOfUnits => OfficialParts.Upper(OfficialParts.BodyInSentence(IssuingBody));
}

public sealed record PeriodReference(int Id, PeriodKind Kind, string Name, DateTimeOffset DueAt, PlanReference Plan)
{
    /// <summary>"6 tháng đầu năm 2020" or "năm 2020".</summary>
    public string Span => Kind == PeriodKind.SixMonth ? $"6 tháng đầu năm {Plan.Year}" : $"năm {Plan.Year}";

    public string Slug => Kind == PeriodKind.SixMonth ? $"6-thang-{Plan.Year}" : $"nam-{Plan.Year}";
}

public sealed record ReportDocumentRow(string Number, DateOnly? Date, string Summary, string? Content);

public sealed record UnitReportData(
    int Id, int UnitId, string UnitName, UnitKind UnitKind, ReportState State,
    string? DocumentNumber, DateOnly? DocumentDate, string? SignerName, string? SignerTitle,
    PeriodReference Period, IReadOnlyList<ReportDocumentRow> Documents,
    string? ContentPropagated, int? DocumentCount, int? NewsArticleCount, int? ModelCount, int? ExemplaryExampleCount,
    int? SessionCount, int? BroadcastMinutes, IReadOnlyList<string> Audiences, int? ParticipantCount,
    CommunicationForms Forms, string? OtherForms, string? Results, string? Strengths, string? Limitations)
{
    public bool IsDraft => !ReportRules.CountsAsSubmitted(State);

    public bool IsWardOrCommune => UnitKind is UnitKind.Ward or UnitKind.Commune;

    /// <summary>"UBND PHƯỜNG TÂN PHONG" for a ward or commune, else the unit's name ("PHÒNG TƯ PHÁP").</summary>
    public string IssuingBody => OfficialParts.Upper(IsWardOrCommune ? "UBND " + UnitName : UnitName);

    /// <summary>The unit as a sentence names it: "UBND phường Tân Phong", "Phòng Tư pháp".</summary>
    public string NameInSentence => IsWardOrCommune ? "UBND " + char.ToLower(UnitName[0], VietnamTime.Culture) + UnitName[1..] : UnitName;
}

public sealed record LateUnit(string Name, DateTimeOffset FirstSubmittedAt, int DaysLate);

public sealed record MissingUnit(string Name, ReportState State, int DaysOverdue);

public sealed record ConsolidatedData(
    PeriodReference Period, IReadOnlyList<UnitTotals> Units, ReportCounts Totals, PeriodRates Rates,
    IReadOnlyList<LateUnit> Late, IReadOnlyList<MissingUnit> Missing)
{
    /// <summary>Number, date and signer, when Phòng Nội vụ has given them.</summary>
    public ConsolidatedSigning Signing { get; init; } = ConsolidatedSigning.None;
}

public sealed record PlanSectionRow(int Level, string Heading, string Body);

public sealed record PlanActivityRow(ActivityKind Kind, int Order, string Content, string Lead, string? Coordination, string Timing, StatusBucket Status);

public sealed record PlanData(
    int Id, int Year, string Number, DateOnly? IssuedOn, string Title, string ParentBody, string IssuingBody, string Place,
    string SignerCapacity, string SignerTitle, string SignerName, string Preamble, string Closing,
    IReadOnlyList<string> Bases, IReadOnlyList<string> Recipients, IReadOnlyList<PlanSectionRow> Sections, IReadOnlyList<PlanActivityRow> Activities)
{
    public PlanReference Reference => new(Id, Number, IssuedOn, Title, IssuingBody, Place, Year);
}
