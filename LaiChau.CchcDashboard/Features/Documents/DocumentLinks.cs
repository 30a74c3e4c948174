namespace LaiChau.CchcDashboard.Features.Documents;

/// <summary>The addresses of the official PDF documents, for the "In PDF" buttons (open in a new tab).</summary>
public static class DocumentLinks
{
    /// <summary>A unit's report for a period, filled from its data ("DỰ THẢO" while a draft).</summary>
    public static string UnitReport(int reportId) => $"/documents/reports/{reportId}.pdf";

    /// <summary>The blank outline of a period, with dotted lines to fill in by hand.</summary>
    public static string BlankOutline(int periodId) => $"/documents/periods/{periodId}/outline.pdf";

    /// <summary>The city's consolidated report for a period (Phòng Nội vụ → UBND thành phố).</summary>
    public static string Consolidated(int periodId) => $"/documents/periods/{periodId}/consolidated.pdf";

    /// <summary>The plan with its appendix table and each activity's current status.</summary>
    public static string Plan(int planId) => $"/documents/plans/{planId}.pdf";
}
