using System.ComponentModel.DataAnnotations;
using System.Globalization;
using LaiChau.CchcDashboard.Common;
using LaiChau.CchcDashboard.Data;
using LaiChau.CchcDashboard.Data.Entities;
using LaiChau.CchcDashboard.Features.Account;
using LaiChau.CchcDashboard.Features.Admin;
using Microsoft.EntityFrameworkCore;

namespace LaiChau.CchcDashboard.Features.Plans;

public sealed record PlanSectionRow(int Level, string Heading, string Body);

public sealed record PlanPeriodRow(int Id, PeriodKind Kind, string Name, DateOnly CoversFrom, DateOnly CoversTo, DateTimeOffset DueAt);

/// <summary>The plan as a readable document: header, bases, sections I–IV, the appendix with live statuses, the signer.</summary>
public sealed record PlanDocument(
    int Id, int Year, string Number, DateOnly? IssuedOn, string Title, string ParentBody, string IssuingBody, string Place,
    string SignerCapacity, string SignerTitle, string SignerName, string Preamble, string Closing,
    IReadOnlyList<string> Bases, IReadOnlyList<string> Recipients, IReadOnlyList<PlanSectionRow> Sections,
    IReadOnlyList<PlanPeriodRow> Periods, IReadOnlyList<ActivityRow> Activities)
{
    public bool IsIssued => Number.Length > 0 && IssuedOn is not null;

    /// <summary>"Lai Châu, ngày 17 tháng 01 năm 2020" (Nghị định 30: leading zero for days below 10 and months 1–2).</summary>
    public string PlaceAndDate => IssuedOn is { } d
        ? $"{Place}, ngày {d.Day:00} tháng {(d.Month <= 2 ? d.Month.ToString("00", CultureInfo.InvariantCulture) : d.Month.ToString(CultureInfo.InvariantCulture))} năm {d.Year}"
        : $"{Place}, ngày … tháng … năm {Year}";
}

/// <summary>Number and date of a plan once it is issued (a cloned plan starts without them).</summary>
public sealed class PlanIssueForm
{
    public int PlanId { get; set; }

    [Required(ErrorMessage = "Vui lòng nhập số, ký hiệu kế hoạch (ví dụ: 12/KH-UBND).")]
    [MaxLength(50, ErrorMessage = "Số, ký hiệu tối đa 50 ký tự.")]
    public string Number { get; set; } = "";

    [Required(ErrorMessage = "Vui lòng chọn ngày ban hành.")]
    public DateTime? IssuedOn { get; set; }
}

/// <summary>The year of the plan to start from the selected one.</summary>
public sealed class PlanCloneForm
{
    [Range(2000, 2100, ErrorMessage = "Năm phải từ 2000 đến 2100.")]
    public int Year { get; set; }
}

/// <summary>The plan page: reading the plan, cloning it into next year, filling in number and date.</summary>
public sealed class PlanService(
    IDbContextFactory<CchcDbContext> dbFactory, TimeProvider clock, ChangeNotifier notifier, AuditLog audit, ILogger<PlanService> logger)
{
    public static bool CanManage(UserInfo? user) => user?.MayManagePlan == true;

    public async Task<PlanDocument?> GetDocumentAsync(int planId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await PlanReader.ReadAsync(db, planId, clock.GetUtcNow(), ct);
    }

    /// <summary>
    /// Starts the plan of <paramref name="year"/> from <paramref name="sourcePlanId"/>: same text, activities and tasks
    /// with their units; the two report periods due 25/05 and 20/11 of that year; nothing started, no reports; number
    /// and date left empty until the new plan is issued. Returns the new plan's id, or a message.
    /// </summary>
    public async Task<(int? PlanId, SaveResult Result)> CloneAsync(int sourcePlanId, int year, UserInfo actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!CanManage(actor))
        {
            return (null, SaveResult.Fail("", "Chỉ Phòng Nội vụ được tạo kế hoạch năm mới."));
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var source = await db.Plans.AsNoTracking()
            .Include(p => p.Sections).Include(p => p.Periods).Include(p => p.Activities).ThenInclude(a => a.CoordinatingUnits)
            .AsSplitQuery().FirstOrDefaultAsync(p => p.Id == sourcePlanId, ct);
        if (source is null)
        {
            return (null, SaveResult.Fail("", "Không tìm thấy kế hoạch gốc."));
        }
        if (year <= source.Year || year > source.Year + 10)
        {
            return (null, SaveResult.Fail(nameof(PlanCloneForm.Year), $"Năm của kế hoạch mới phải sau {source.Year} và không quá {source.Year + 10}."));
        }
        if (await db.Plans.AnyAsync(p => p.Year == year, ct))
        {
            return (null, SaveResult.Fail(nameof(PlanCloneForm.Year), $"Năm {year} đã có kế hoạch; hãy chọn kế hoạch đó trên thanh tiêu đề."));
        }

        var shift = year - source.Year;
        string Retitle(string text) => text.Replace(source.Year.ToString(CultureInfo.InvariantCulture), year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var units = await db.Units.ToDictionaryAsync(u => u.Id, ct);
        var plan = new Plan
        {
            Year = year,
            Number = "",
            IssuedOn = null,
            Title = Retitle(source.Title),
            ParentBody = source.ParentBody,
            IssuingBody = source.IssuingBody,
            Place = source.Place,
            SignerCapacity = source.SignerCapacity,
            SignerTitle = source.SignerTitle,
            SignerName = source.SignerName,
            Preamble = Retitle(source.Preamble),
            Closing = source.Closing,
            Bases = [.. source.Bases],
            Recipients = [.. source.Recipients],
            Sections = [.. source.Sections.OrderBy(s => s.Order).Select(s => new PlanSection { Order = s.Order, Level = s.Level, Heading = s.Heading, Body = Retitle(s.Body) })],
            Activities = [.. source.Activities.OrderBy(a => a.Kind).ThenBy(a => a.Order).Select(a => new PlanActivity
            {
                Kind = a.Kind,
                Order = a.Order,
                Content = a.Content,
                LeadUnitId = a.LeadUnitId,
                LeadLabel = a.LeadLabel,
                CoordinationLabel = a.CoordinationLabel,
                CoordinatingUnits = [.. a.CoordinatingUnits.Select(u => units[u.Id])],
                IsOngoing = a.IsOngoing,
                DueAt = a.DueAt is { } due ? VietnamTime.FromLocal(VietnamTime.ToLocal(due).DateTime.AddYears(shift)) : null,
                TimingLabel = Retitle(a.TimingLabel),
                IsRequest = a.IsRequest,
                Status = ActivityStatus.NotStarted,
            })],
            Periods = [.. source.Periods.OrderBy(p => p.Kind).Select(p => NewPeriod(p, shift, Retitle(p.Name)))],
        };
        db.Plans.Add(plan);
        audit.Record(db, actor, "plan.clone", plan, $"Từ kế hoạch {source.Number} ({source.Year}) sang năm {year}");
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Plan {SourceId} ({SourceYear}) cloned into {PlanId} ({Year}).", source.Id, source.Year, plan.Id, year);
        await notifier.PublishAsync(new ChangeEvent(ChangeKind.PlanChanged, plan.Id, UserId: actor.Id));
        return (plan.Id, SaveResult.Ok);
    }

    // The plan's reporting duty (IV.5 of KH 93: "trước ngày 25/5" and "trước ngày 20/11") is data: the copy keeps the
    // source plan's due days and spans, moved to the new year, so a plan with other deadlines clones with its own.
    private static ReportingPeriod NewPeriod(ReportingPeriod source, int shiftYears, string name)
    {
        var due = VietnamTime.LocalDate(source.DueAt).AddYears(shiftYears);
        return new ReportingPeriod
        {
            Kind = source.Kind,
            Name = name,
            CoversFrom = source.CoversFrom.AddYears(shiftYears),
            CoversTo = source.CoversTo.AddYears(shiftYears),
            DueAt = VietnamTime.StartOfDay(due),
        };
    }

    /// <summary>Fills in the number and date of a plan once it is issued.</summary>
    public async Task<SaveResult> SetIssueAsync(PlanIssueForm form, UserInfo actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(actor);
        if (!CanManage(actor))
        {
            return SaveResult.Fail("", "Chỉ Phòng Nội vụ được cập nhật số và ngày ban hành kế hoạch.");
        }
        var errors = FormValidation.Validate(form);
        if (string.IsNullOrWhiteSpace(form.Number))
        {
            errors.TryAdd(nameof(PlanIssueForm.Number), "Vui lòng nhập số, ký hiệu kế hoạch (ví dụ: 12/KH-UBND).");
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var plan = await db.Plans.FirstOrDefaultAsync(p => p.Id == form.PlanId, ct);
        if (plan is null)
        {
            return SaveResult.Fail("", "Không tìm thấy kế hoạch.");
        }
        if (form.IssuedOn is { } issued)
        {
            var day = DateOnly.FromDateTime(issued);
            var today = VietnamTime.Today(clock);
            if (day > today)
            {
                errors.TryAdd(nameof(PlanIssueForm.IssuedOn), $"Ngày ban hành không được sau hôm nay ({VietnamTime.FormatDate(today)}).");
            }
            else if (day.Year < plan.Year - 1 || day.Year > plan.Year)
            {
                errors.TryAdd(nameof(PlanIssueForm.IssuedOn), $"Ngày ban hành phải trong năm {plan.Year - 1} hoặc {plan.Year}.");
            }
        }
        if (errors.Count > 0)
        {
            return new SaveResult(errors);
        }
        plan.Number = form.Number.Trim();
        plan.IssuedOn = DateOnly.FromDateTime(form.IssuedOn!.Value);
        audit.Record(db, actor, "plan.issue", plan, $"{plan.Number} ngày {VietnamTime.FormatDate(plan.IssuedOn.Value)}");
        await db.SaveChangesAsync(ct);
        await notifier.PublishAsync(new ChangeEvent(ChangeKind.PlanChanged, plan.Id, UserId: actor.Id));
        return SaveResult.Ok;
    }
}
