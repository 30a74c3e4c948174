namespace LaiChau.CchcDashboard.Data.Entities;

/// <summary>Report states in the order of docs/domain.md §4.</summary>
public enum ReportState
{
    NotStarted = 0,
    Draft = 1,
    Submitted = 2,
    Returned = 3,
    Resubmitted = 4,
    Accepted = 5,
}

/// <summary>Forms of communication listed in the outline (docs/domain.md §3), stored as flags.</summary>
[Flags]
public enum CommunicationForms
{
    None = 0,
    Conference = 1 << 0,
    Loudspeaker = 1 << 1,
    RadioTelevision = 1 << 2,
    Press = 1 << 3,
    IssuedDocuments = 1 << 4,
    Leaflets = 1 << 5,
    Website = 1 << 6,
    MobileInformationVan = 1 << 7,
    OneStopShop = 1 << 8,
    StagedContest = 1 << 9,
    NeighbourhoodMeetings = 1 << 10,
    Other = 1 << 11,
}

/// <summary>A unit's report for a reporting period, holding the outline's structured content.</summary>
public sealed class UnitReport
{
    public int Id { get; set; }
    public int PeriodId { get; set; }
    public ReportingPeriod? Period { get; set; }
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }
    public ReportState State { get; set; }

    // The report's own header data.
    public string? DocumentNumber { get; set; }
    public DateOnly? DocumentDate { get; set; }
    public string? SignerName { get; set; }
    public string? SignerTitle { get; set; }

    // 1. Công tác tham mưu, ban hành văn bản chỉ đạo thực hiện
    public List<ReportDocument> Documents { get; set; } = [];

    // 2. Nội dung, hình thức tuyên truyền
    public string? ContentPropagated { get; set; }
    public int? DocumentCount { get; set; }
    public int? NewsArticleCount { get; set; }
    public int? ModelCount { get; set; }
    public int? ExemplaryExampleCount { get; set; }
    public int? SessionCount { get; set; }
    public int? BroadcastMinutes { get; set; }
    public List<string> Audiences { get; set; } = [];
    public int? ParticipantCount { get; set; }
    public CommunicationForms Forms { get; set; }
    public string? OtherForms { get; set; }

    // 3. Kết quả qua tuyên truyền
    public string? Results { get; set; }

    // 4. Đánh giá chung
    public string? Strengths { get; set; }
    public string? Limitations { get; set; }

    public DateTimeOffset? FirstSubmittedAt { get; set; }
    /// <summary>The latest submission instant; on-time is derived from it and the period's due instant.</summary>
    public DateTimeOffset? SubmittedAt { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
    /// <summary>Optimistic concurrency token, bumped on every save.</summary>
    public int Version { get; set; }
    public List<ReportTransition> Transitions { get; set; } = [];
    public List<SignedCopy> SignedCopies { get; set; } = [];
}

/// <summary>A row of outline section 1: a document the unit issued or proposed.</summary>
public sealed class ReportDocument
{
    public int Id { get; set; }
    public int ReportId { get; set; }
    public UnitReport? Report { get; set; }
    public int Order { get; set; }
    public string Number { get; set; } = "";
    public DateOnly? Date { get; set; }
    public string Summary { get; set; } = "";
    public string? Content { get; set; }
}

public sealed class ReportTransition
{
    public int Id { get; set; }
    public int ReportId { get; set; }
    public UnitReport? Report { get; set; }
    public ReportState FromState { get; set; }
    public ReportState ToState { get; set; }
    public DateTimeOffset At { get; set; }
    public string? UserId { get; set; }
    public string UserName { get; set; } = "";
    public string? Comment { get; set; }
}
