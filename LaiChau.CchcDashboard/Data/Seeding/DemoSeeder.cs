using LaiChau.CchcDashboard.Common;
using LaiChau.CchcDashboard.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LaiChau.CchcDashboard.Data.Seeding;

/// <summary>A demo account as listed on the sign-in page in demo mode.</summary>
public sealed record DemoAccount(string UserName, string FullName, string Role, string? UnitCode);

/// <summary>
/// Demo mode only: accounts for each role and a few units, fictional contact details, and the
/// 2020 plan as it might have stood in the week of 18/05/2020. Runs once per database.
/// </summary>
public sealed class DemoSeeder(
    IDbContextFactory<CchcDbContext> dbFactory,
    UserManager<AppUser> userManager,
    IOptions<DemoOptions> options,
    ILogger<DemoSeeder> logger)
{
    public static readonly IReadOnlyList<DemoAccount> Accounts =
    [
        new("lanhdao", "Trần Minh Đức", AppRoles.Leadership, null),
        new("noivu", "Lò Thị Mai", AppRoles.HomeAffairs, "P-NOI-VU"),
        new("quantri", "Quản trị hệ thống", AppRoles.Administrator, null),
        new("tanphong", "Nguyễn Thị Hà", AppRoles.Unit, "PH-TAN-PHONG"),
        new("doanket", "Vàng Văn Sinh", AppRoles.Unit, "PH-DOAN-KET"),
        new("daitt", "Phạm Quốc Tuấn", AppRoles.Unit, "DAI-TT"),
        new("tuphap", "Đỗ Thu Trang", AppRoles.Unit, "P-TU-PHAP"),
    ];

    private static readonly TimeSpan Vn = TimeSpan.FromHours(7);

    public async Task SeedAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Users.AnyAsync(u => u.UserName == Accounts[0].UserName, ct))
        {
            return;
        }

        var units = await db.Units.ToDictionaryAsync(u => u.Code, ct);
        var contacts = new (string Name, string Phone)[]
        {
            ("Hoàng Văn Nam", "0213 3876 101"), ("Lò Thị Mai", "0213 3876 102"), ("Đỗ Thu Trang", "0213 3876 103"),
            ("Nguyễn Văn Bình", "0213 3876 104"), ("Lê Thị Hoa", "0213 3876 105"), ("Tao Văn Phúc", "0213 3876 106"),
            ("Vũ Thị Lan", "0213 3876 107"), ("Bùi Đức Thắng", "0213 3876 108"), ("Lường Thị Yến", "0213 3876 109"),
            ("Phan Văn Khải", "0213 3876 110"), ("Đặng Thị Thu", "0213 3876 111"), ("Trịnh Văn Long", "0213 3876 112"),
            ("Phạm Quốc Tuấn", "0213 3876 113"), ("Sùng A Páo", "0213 3876 114"), ("Nguyễn Thị Hà", "0213 3876 115"),
            ("Vàng Văn Sinh", "0213 3876 116"), ("Giàng Thị Mỷ", "0213 3876 117"), ("Lý Văn Chung", "0213 3876 118"),
            ("Tẩn Láo Lở", "0213 3876 119"), ("Lò Văn Inh", "0213 3876 120"), ("Hà Thị Nguyệt", "0213 3876 121"),
        };
        foreach (var (unit, i) in units.Values.OrderBy(u => u.SortOrder).Select((u, i) => (u, i)))
        {
            unit.ContactName ??= contacts[i % contacts.Length].Name;
            unit.Phone ??= contacts[i % contacts.Length].Phone;
            // One commune has no e-mail address, so the "cannot be e-mailed" list has something to show.
            if (unit.Code != "XA-NAM-LOONG")
            {
                unit.Email ??= unit.Code.ToLowerInvariant() + "@laichau.example";
            }
        }

        var plan = await db.Plans.Include(p => p.Periods).Include(p => p.Activities).AsSplitQuery()
            .OrderBy(p => p.Year).FirstAsync(p => p.Year == 2020, ct);
        var sixMonth = plan.Periods.Single(p => p.Kind == PeriodKind.SixMonth);
        SeedReports(db, sixMonth, units);
        SeedActivityProgress(db, plan);
        await db.SaveChangesAsync(ct);

        foreach (var account in Accounts)
        {
            var user = new AppUser
            {
                UserName = account.UserName,
                Email = account.UserName + "@laichau.example",
                EmailConfirmed = true,
                FullName = account.FullName,
                UnitId = account.UnitCode is null ? null : units[account.UnitCode].Id,
            };
            var result = await userManager.CreateAsync(user, options.Value.Password);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Demo account {account.UserName}: " + string.Join("; ", result.Errors.Select(e => e.Description)));
            }
            await userManager.AddToRoleAsync(user, account.Role);
        }
        logger.LogInformation("Demo data seeded: {Count} accounts, reports and activity progress for {Plan}.", Accounts.Count, plan.Number);
    }

    private static DateTimeOffset At(int month, int day, int hour, int minute = 0) =>
        new DateTimeOffset(2020, month, day, hour, minute, 0, Vn).ToUniversalTime();

    /// <summary>Kế hoạch, thông báo, công văn, quyết định: the kinds of documents a unit issues about its communication work.</summary>
    private static readonly string[] DocumentKinds = ["KH", "TB", "CV", "QĐ"];

    /// <summary>The issuer part of a document symbol: "UBND" for a ward or commune, the office's initials otherwise ("01/KH-UBND", "08/TB-TP").</summary>
    private static string Symbol(string code) => code switch
    {
        _ when code.StartsWith("PH-", StringComparison.Ordinal) || code.StartsWith("XA-", StringComparison.Ordinal) => "UBND",
        "DAI-TT" => "ĐTT",
        "P-TU-PHAP" => "TP",
        "VP-HDND-UBND" => "VP",
        "P-NOI-VU" => "NV",
        _ => string.Concat(code.Split('-').Skip(1).Select(p => p[0])),
    };

    private static void SeedReports(CchcDbContext db, ReportingPeriod period, Dictionary<string, Unit> units)
    {
        UnitReport Filled(string code, int docs, int news, int sessions, int minutes, int people) => new()
        {
            Period = period,
            Unit = units[code],
            DocumentNumber = $"{docs + 10:00}/BC-{Symbol(code)}",
            DocumentDate = new DateOnly(2020, 5, 10),
            SignerName = "Nguyễn Văn An",
            // Wards sign "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH" (or a deputy "KT. CHỦ TỊCH"); offices "TRƯỞNG PHÒNG" or a deputy.
            SignerTitle = code switch
            {
                "DAI-TT" => "Giám đốc",
                "VP-HDND-UBND" => "Chánh Văn phòng",
                _ when code.StartsWith("PH-", StringComparison.Ordinal) || code.StartsWith("XA-", StringComparison.Ordinal) => docs % 2 == 0 ? "Phó Chủ tịch" : "Chủ tịch",
                _ => docs % 2 == 0 ? "Phó Trưởng phòng" : "Trưởng phòng",
            },
            Documents = [.. Enumerable.Range(1, docs).Select(i => new ReportDocument
            {
                Order = i,
                Number = $"{(i == 1 ? 1 : (i * 7) + 1):00}/{DocumentKinds[(i - 1) % DocumentKinds.Length]}-{Symbol(code)}",
                Date = new DateOnly(2020, 1 + i % 4, 5 + i),
                Summary = $"Kế hoạch tuyên truyền cải cách hành chính năm 2020 (đợt {i})",
                Content = "Triển khai tuyên truyền các nội dung CCHC đến cán bộ, công chức và nhân dân.",
            })],
            ContentPropagated = "Tuyên truyền Kế hoạch CCHC năm 2020; dịch vụ công trực tuyến mức độ 3, 4; tiếp nhận và trả kết quả qua dịch vụ bưu chính công ích.",
            DocumentCount = docs,
            NewsArticleCount = news,
            ModelCount = 1,
            ExemplaryExampleCount = 2,
            SessionCount = sessions,
            BroadcastMinutes = minutes,
            Audiences = ["Cán bộ, công chức, viên chức", "Nhân dân trên địa bàn"],
            ParticipantCount = people,
            Forms = CommunicationForms.Conference | CommunicationForms.Loudspeaker | CommunicationForms.IssuedDocuments,
            Results = "Nhận thức của cán bộ, công chức và nhân dân về CCHC được nâng lên; số hồ sơ nộp trực tuyến tăng.",
            Strengths = "Nội dung tuyên truyền phong phú, bám sát kế hoạch.",
            Limitations = "Hình thức tuyên truyền ở một số tổ dân phố, bản chưa đa dạng.",
        };

        void Submit(UnitReport r, DateTimeOffset at, string by)
        {
            r.State = ReportState.Submitted;
            r.FirstSubmittedAt = at;
            r.SubmittedAt = at;
            r.UpdatedAt = at;
            r.UpdatedBy = by;
            r.Transitions.Add(new ReportTransition { FromState = ReportState.NotStarted, ToState = ReportState.Draft, At = at.AddDays(-3), UserName = by });
            r.Transitions.Add(new ReportTransition { FromState = ReportState.Draft, ToState = ReportState.Submitted, At = at, UserName = by });
        }

        var accepted = Filled("PH-QUYET-THANG", 3, 12, 6, 180, 420);
        Submit(accepted, At(5, 12, 9, 15), "Sùng A Páo");
        accepted.State = ReportState.Accepted;
        accepted.AcceptedAt = At(5, 14, 10);
        accepted.Transitions.Add(new ReportTransition
        {
            FromState = ReportState.Submitted,
            ToState = ReportState.Accepted,
            At = At(5, 14, 10),
            UserName = "Lò Thị Mai",
            Comment = "Tiếp nhận khi chưa có bản ký: bản giấy có chữ ký, đóng dấu đã nhận qua văn thư ngày 14/05/2020.",
        });

        var dai = Filled("DAI-TT", 2, 48, 4, 960, 0);
        Submit(dai, At(5, 15, 16, 40), "Phạm Quốc Tuấn");
        var tuPhap = Filled("P-TU-PHAP", 4, 6, 9, 0, 650);
        Submit(tuPhap, At(5, 14, 10), "Đỗ Thu Trang");
        var vanPhong = Filled("VP-HDND-UBND", 5, 20, 2, 0, 150);
        Submit(vanPhong, At(5, 11, 15, 30), "Hoàng Văn Nam");

        var returned = Filled("PH-DOAN-KET", 2, 5, 3, 90, 0);
        Submit(returned, At(5, 13, 8, 45), "Vàng Văn Sinh");
        returned.State = ReportState.Returned;
        returned.Transitions.Add(new ReportTransition
        {
            FromState = ReportState.Submitted,
            ToState = ReportState.Returned,
            At = At(5, 15, 14),
            UserName = "Lò Thị Mai",
            Comment = "Đề nghị bổ sung số người tham gia các buổi tuyên truyền và danh sách văn bản đã ban hành.",
        });

        db.Reports.AddRange(accepted, dai, tuPhap, vanPhong, returned);

        foreach (var code in new[] { "PH-TAN-PHONG", "P-GD-DT", "XA-SAN-THANG" })
        {
            var draft = new UnitReport
            {
                Period = period,
                Unit = units[code],
                State = ReportState.Draft,
                ContentPropagated = "Tuyên truyền Kế hoạch CCHC năm 2020 tại các tổ dân phố, bản.",
                SessionCount = 2,
                UpdatedAt = At(5, 16, 9),
                UpdatedBy = PersonOf(units[code]),
            };
            draft.Transitions.Add(new ReportTransition { FromState = ReportState.NotStarted, ToState = ReportState.Draft, At = At(5, 16, 9), UserName = PersonOf(units[code]) });
            db.Reports.Add(draft);
        }
    }

    /// <summary>Who wrote a unit's demo entries: its demo account, else its contact person; Phòng Nội vụ for group-led tasks.</summary>
    private static string PersonOf(Unit? unit) =>
        Accounts.FirstOrDefault(a => unit is not null && a.UnitCode == unit.Code)?.FullName
        ?? unit?.ContactName
        ?? Accounts.Single(a => a.UserName == "noivu").FullName;

    private static void SeedActivityProgress(CchcDbContext db, Plan plan)
    {
        var key = plan.Activities.Where(a => a.Kind == ActivityKind.KeyActivity).OrderBy(a => a.Order).ToList();
        void Log(PlanActivity a, int month, int day, string text, int? articles = null, int? minutes = null, int? sessions = null, int? people = null)
        {
            var at = At(month, day, 16);
            if (a.Status == ActivityStatus.NotStarted)
            {
                a.Status = ActivityStatus.InProgress;
                a.StartedAt = at;
            }
            db.ActivityUpdates.Add(new ActivityProgressUpdate
            {
                Activity = a,
                Date = new DateOnly(2020, month, day),
                Description = text,
                Articles = articles,
                BroadcastMinutes = minutes,
                Sessions = sessions,
                Participants = people,
                AuthorName = PersonOf(a.LeadUnit),
                CreatedAt = at,
            });
        }

        Log(key[0], 3, 20, "Phát sóng chuyên mục CCHC tháng 3 trên loa truyền thanh không dây.", articles: 8, minutes: 240);
        Log(key[0], 4, 24, "Phóng sự về dịch vụ công trực tuyến mức độ 3, 4.", articles: 6, minutes: 180);
        Log(key[0], 5, 12, "Đưa tin kết quả CCHC quý I trên trang thành phố.", articles: 5, minutes: 120);
        // Ban Tuyên giáo's last update is in March, so in May it shows "chưa cập nhật tháng này".
        Log(key[1], 3, 10, "Lồng ghép nội dung CCHC trong Hội nghị Báo cáo viên quý I.", sessions: 1, people: 85);
        Log(key[2], 4, 15, "Lồng ghép tuyên truyền CCHC trong hội nghị phổ biến pháp luật.", sessions: 2, people: 160);
        Log(key[3], 5, 5, "Đăng tải 12 văn bản chỉ đạo điều hành về CCHC.", articles: 12);
        Log(key[4], 4, 8, "Lồng ghép CCHC trong lớp bồi dưỡng công chức cấp xã.", sessions: 1, people: 60);
        Log(key[4], 5, 14, "Cử 5 công chức dự lớp cập nhật kiến thức CCHC của tỉnh.", people: 5);

        foreach (var task in plan.Activities.Where(a => a.Kind == ActivityKind.StandingTask).OrderBy(a => a.Order).Take(5))
        {
            Log(task, 5, 4 + task.Order, "Triển khai theo kế hoạch.");
        }
    }
}
