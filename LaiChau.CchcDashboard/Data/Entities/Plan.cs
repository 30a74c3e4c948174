namespace LaiChau.CchcDashboard.Data.Entities;

/// <summary>A yearly communication plan such as Kế hoạch 93/KH-UBND.</summary>
public sealed class Plan
{
    public int Id { get; set; }
    public int Year { get; set; }
    /// <summary>Document number and symbol, e.g. "93/KH-UBND"; empty for a cloned plan not yet issued.</summary>
    public string Number { get; set; } = "";
    public DateOnly? IssuedOn { get; set; }
    public string Title { get; set; } = "";
    public string ParentBody { get; set; } = "";
    public string IssuingBody { get; set; } = "";
    public string Place { get; set; } = "";
    public string SignerCapacity { get; set; } = "";
    public string SignerTitle { get; set; } = "";
    public string SignerName { get; set; } = "";
    /// <summary>Opening sentence after the bases ("UBND thành phố xây dựng Kế hoạch … như sau:").</summary>
    public string Preamble { get; set; } = "";
    public string Closing { get; set; } = "";
    public List<string> Bases { get; set; } = [];
    public List<string> Recipients { get; set; } = [];
    public List<PlanSection> Sections { get; set; } = [];
    public List<PlanActivity> Activities { get; set; } = [];
    public List<ReportingPeriod> Periods { get; set; } = [];
    /// <summary>Stable key of the seed file a plan came from; null for plans created in the app.</summary>
    public string? SeedKey { get; set; }
}

/// <summary>One numbered part of the plan's text (I–IV and their sub-headings).</summary>
public sealed class PlanSection
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public Plan? Plan { get; set; }
    public int Order { get; set; }
    /// <summary>1 for "I. MỤC ĐÍCH, YÊU CẦU", 2 for "1. Mục đích".</summary>
    public int Level { get; set; }
    public string Heading { get; set; } = "";
    public string Body { get; set; } = "";
}
