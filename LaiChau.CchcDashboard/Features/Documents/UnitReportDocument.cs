using LaiChau.CchcDashboard.Data.Entities;
using LaiChau.CchcDashboard.Features.Documents.Layout;
using static LaiChau.CchcDashboard.Features.Documents.OfficialParts;

namespace LaiChau.CchcDashboard.Features.Documents;

/// <summary>A unit's report for a period, in the order of the outline attached to the plan.</summary>
public static class UnitReportDocument
{

    public static readonly IReadOnlyList<(string Number, string Title)> Sections =
    [
        ("1.", "Công tác tham mưu, ban hành văn bản chỉ đạo thực hiện"),
        ("2.", "Nội dung, hình thức tuyên truyền"),
        ("3.", "Kết quả qua tuyên truyền"),
        ("4.", "Đánh giá chung"),
    ];

    public static string Summary(PeriodReference period) =>
        $"Kết quả thực hiện Kế hoạch tuyên truyền cải cách hành chính {period.Span}";

    public static DocumentSpec Build(UnitReportData report, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(report);
        var period = report.Period;
        var symbol = report.IsWardOrCommune ? "BC-UBND" : "BC";
        List<Block> blocks = [];
        if (report.IsDraft)
        {
            blocks.Add(new Stamp("DỰ THẢO"));
        }
        blocks.AddRange(Header(period.Plan.ParentBodyOfUnits, report.IssuingBody, DocumentNumber(report.DocumentNumber, symbol),
            PlaceAndDate(period.Plan.Place, report.DocumentDate, period.Plan.Year)));
        blocks.AddRange(Title("BÁO CÁO", Summary(period)));
        blocks.Add(Para($"Thực hiện {period.Plan.Citation} về {LowerFirst(period.Plan.Title)}, {report.NameInSentence} báo cáo kết quả thực hiện {period.Span} như sau:"));

        blocks.Add(Heading($"{Sections[0].Number} {Sections[0].Title}"));
        if (report.Documents.Count == 0)
        {
            blocks.Add(Para("Trong kỳ báo cáo, đơn vị chưa ban hành hoặc tham mưu ban hành văn bản chỉ đạo, hướng dẫn triển khai công tác tuyên truyền về CCHC."));
        }
        else
        {
            blocks.Add(Para($"Trong kỳ báo cáo, đơn vị đã ban hành hoặc tham mưu ban hành {report.Documents.Count} văn bản chỉ đạo, hướng dẫn triển khai công tác tuyên truyền về CCHC, cụ thể:"));
            blocks.Add(DocumentsTable(report.Documents));
        }

        blocks.Add(Heading($"{Sections[1].Number} {Sections[1].Title}"));
        blocks.Add(Para(new Run("a) Nội dung đã tuyên truyền: ", Italic: true), new Run(Text(report.ContentPropagated))));
        blocks.Add(Para($"Số lượng: {Number(report.DocumentCount)} văn bản; {Number(report.NewsArticleCount)} tin, bài; {Number(report.ModelCount)} mô hình; {Number(report.ExemplaryExampleCount)} gương tiêu biểu về CCHC."));
        blocks.Add(Para(new Run("b) Thời lượng đã tuyên truyền: ", Italic: true), new Run($"{Number(report.SessionCount)} buổi tuyên truyền; {Number(report.BroadcastMinutes)} phút đưa tin, phát sóng.")));
        blocks.Add(Para(new Run("c) Đối tượng được tuyên truyền: ", Italic: true),
            new Run($"{(report.Audiences.Count == 0 ? Blank : string.Join("; ", report.Audiences))}; số người (lượt người) tham gia: {Number(report.ParticipantCount)}.")));
        blocks.Add(Para(new Run("d) Hình thức đã tuyên truyền: ", Italic: true), new Run(Forms(report.Forms, report.OtherForms))));

        blocks.Add(Heading($"{Sections[2].Number} {Sections[2].Title}"));
        blocks.Add(Para(Text(report.Results)));

        blocks.Add(Heading($"{Sections[3].Number} {Sections[3].Title}"));
        blocks.Add(Para(new Run("a) Ưu điểm: ", Italic: true), new Run(Text(report.Strengths))));
        blocks.Add(Para(new Run("b) Hạn chế: ", Italic: true), new Run(Text(report.Limitations))));

        blocks.Add(new KeepTogether([
            Para($"Trên đây là báo cáo kết quả thực hiện Kế hoạch tuyên truyền cải cách hành chính {period.Span} của {report.NameInSentence}./."),
            new Spacer(6),
            Signature(["UBND thành phố (qua Phòng Nội vụ);", "Lưu: VT."], SignerTitles.Lines(report.UnitKind, report.SignerTitle), report.SignerName),
        ]));

        var title = $"Báo cáo {Summary(period).ToLower(Common.VietnamTime.Culture)} - {report.UnitName}";
        return Document(report.IsDraft ? title + " (dự thảo)" : title, report.IssuingBody, now, blocks);
    }

    public static Table DocumentsTable(IReadOnlyList<ReportDocumentRow> rows) => new(
        [
            new TableColumn("TT", 0.6, TextAlign.Center),
            new TableColumn("Số, ký hiệu", 2.1, TextAlign.Center),
            new TableColumn("Ngày ban hành", 1.4, TextAlign.Center),
            new TableColumn("Trích yếu", 3.2),
            new TableColumn("Nội dung", 2.8),
        ],
        [.. rows.Select((d, i) => TableRow.Of(
            (i + 1).ToString(Common.VietnamTime.Culture), d.Number,
            d.Date is { } date ? Common.VietnamTime.FormatDate(date) : "", d.Summary, d.Content ?? ""))]);

    private static readonly (CommunicationForms Form, string Label)[] FormLabels =
    [
        (CommunicationForms.Conference, "hội nghị"),
        (CommunicationForms.Loudspeaker, "loa truyền thanh"),
        (CommunicationForms.RadioTelevision, "đài truyền thanh, truyền hình"),
        (CommunicationForms.Press, "báo chí"),
        (CommunicationForms.IssuedDocuments, "phát hành văn bản"),
        (CommunicationForms.Leaflets, "tờ rơi"),
        (CommunicationForms.Website, "trang thông tin điện tử"),
        (CommunicationForms.MobileInformationVan, "xe thông tin lưu động"),
        (CommunicationForms.OneStopShop, "Bộ phận tiếp nhận và trả kết quả"),
        (CommunicationForms.StagedContest, "sân khấu hóa, Hội thi “Dân vận khéo”"),
        (CommunicationForms.NeighbourhoodMeetings, "lồng ghép sinh hoạt tổ dân phố, bản"),
    ];

    private static string Forms(CommunicationForms forms, string? other)
    {
        var labels = FormLabels.Where(f => forms.HasFlag(f.Form)).Select(f => f.Label).ToList();
        if (forms.HasFlag(CommunicationForms.Other) || !string.IsNullOrWhiteSpace(other))
        {
            labels.Add(string.IsNullOrWhiteSpace(other) ? "hình thức khác" : other.Trim());
        }
        if (labels.Count == 0)
        {
            return Blank;
        }
        var text = string.Join(", ", labels);
        return char.ToUpper(text[0], Common.VietnamTime.Culture) + text[1..] + ".";
    }

    private static string Text(string? value) => string.IsNullOrWhiteSpace(value) ? Blank : value.Trim();
}
