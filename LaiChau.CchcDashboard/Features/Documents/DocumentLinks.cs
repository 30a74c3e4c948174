namespace LaiChau.CchcDashboard.Features.Documents;

/// <summary>
/// The addresses of the official documents, for the "In PDF" buttons (open in a new tab) and the
/// "Tải bản Word" buttons beside them (<see cref="Word"/>: the same address ending in .docx).
/// </summary>
public static class DocumentLinks
{
    /// <summary>The Word (.docx) copy of a document: same address, same access rules, same file name.</summary>
    public static string Word(string pdfLink)
    {
        ArgumentNullException.ThrowIfNull(pdfLink);
        return pdfLink.EndsWith(".pdf", StringComparison.Ordinal) ? pdfLink[..^4] + ".docx" : pdfLink;
    }

    /// <summary>A unit's report for a period, filled from its data ("DỰ THẢO" while a draft).</summary>
    public static string UnitReport(int reportId) => $"/documents/reports/{reportId}.pdf";

    /// <summary>The blank outline of a period, with dotted lines to fill in by hand.</summary>
    public static string BlankOutline(int periodId) => $"/documents/periods/{periodId}/outline.pdf";

    /// <summary>The city's consolidated report for a period (Phòng Nội vụ → UBND thành phố).</summary>
    public static string Consolidated(int periodId) => $"/documents/periods/{periodId}/consolidated.pdf";

    /// <summary>The plan with its appendix table and each activity's current status.</summary>
    public static string Plan(int planId) => $"/documents/plans/{planId}.pdf";
}
