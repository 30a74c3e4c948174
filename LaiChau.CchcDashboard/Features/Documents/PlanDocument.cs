using LaiChau.CchcDashboard.Common;
using LaiChau.CchcDashboard.Data.Entities;
using LaiChau.CchcDashboard.Features.Documents.Layout;
using static LaiChau.CchcDashboard.Features.Documents.OfficialParts;

namespace LaiChau.CchcDashboard.Features.Documents;

/// <summary>The plan as issued, then its appendix of key activities with each one's status today.</summary>
public static class PlanDocument
{
    public const string AppendixTitle = "MỘT SỐ HOẠT ĐỘNG TUYÊN TRUYỀN TRỌNG TÂM";

    public static DocumentSpec Build(PlanData plan, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var reference = plan.Reference;
        List<Block> blocks = [.. Header(plan.ParentBody, plan.IssuingBody, DocumentNumber(plan.Number, "KH-UBND"), PlaceAndDate(plan.Place, plan.IssuedOn, plan.Year))];
        blocks.AddRange(Title("KẾ HOẠCH", plan.Title));
        blocks.AddRange(plan.Bases.Select(Para));
        blocks.Add(Para(plan.Preamble));
        foreach (var section in plan.Sections)
        {
            blocks.Add(section.Level == 1 ? MajorHeading(section.Heading) : Heading(section.Heading));
            blocks.AddRange(Paragraphs(section.Body).Select(Para));
        }
        blocks.Add(new KeepTogether([
            Para(plan.Closing),
            new Spacer(6),
            RecipientsAndSignature([.. plan.Recipients], plan.SignerCapacity, plan.SignerTitle, plan.SignerName),
        ]));

        var asOf = VietnamTime.FormatDate(now);
        blocks.Add(new PageBreak());
        blocks.Add(Center("PHỤ LỤC", 14, bold: true));
        blocks.Add(Center(AppendixTitle, 14, bold: true));
        blocks.Add(Center($"(Kèm theo {reference.Citation})", 14, italic: true));
        blocks.Add(Center($"Tình trạng thực hiện đến ngày {asOf}", 13, italic: true, spaceAfter: 12));
        blocks.Add(ActivitiesTable(plan.Activities.Where(a => a.Kind == ActivityKind.KeyActivity)));

        var tasks = plan.Activities.Where(a => a.Kind == ActivityKind.StandingTask).ToList();
        if (tasks.Count > 0)
        {
            // The heading goes to the next page with the table's header and first row, never alone.
            var heading = Center("NHIỆM VỤ CỦA CÁC CƠ QUAN, ĐƠN VỊ (MỤC IV)", 14, bold: true, spaceAfter: 8);
            blocks.Add(heading with { Style = heading.Style with { KeepWithNext = true } });
            blocks.Add(ActivitiesTable(tasks));
        }
        return Document($"Kế hoạch {plan.Number} - {plan.Title}", plan.IssuingBody, now, blocks);
    }

    private static Table ActivitiesTable(IEnumerable<PlanActivityRow> activities) => new(
        [
            new TableColumn("TT", 0.5, TextAlign.Center),
            new TableColumn("Nội dung, hình thức", 3.4),
            new TableColumn("Cơ quan chủ trì", 1.5, TextAlign.Center),
            new TableColumn("Cơ quan phối hợp", 1.5, TextAlign.Center),
            new TableColumn("Thời gian hoàn thành", 1.2, TextAlign.Center),
            new TableColumn("Tình trạng", 1.3, TextAlign.Center),
        ],
        [.. activities.OrderBy(a => a.Order).Select((a, i) => TableRow.Of(
            (i + 1).ToString(VietnamTime.Culture), a.Content, a.Lead, a.Coordination ?? "", a.Timing, a.Status.Label()))],
        FontSize: 11);

    private static string[] Paragraphs(string body) =>
        body.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
