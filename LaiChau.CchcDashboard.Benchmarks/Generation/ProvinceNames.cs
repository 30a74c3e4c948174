namespace LaiChau.CchcDashboard.Benchmarks.Generation;

/// <summary>Vietnamese place, office and person names for a generated province (fictional beyond the real districts).</summary>
internal static class ProvinceNames
{
    /// <summary>Lai Châu's districts; further districts get generated names.</summary>
    public static readonly string[] RealDistricts = ["Tam Đường", "Phong Thổ", "Sìn Hồ", "Mường Tè", "Nậm Nhùn", "Tân Uyên", "Than Uyên"];

    public static readonly string[] Syllables =
    [
        "Nậm", "Mường", "Pa", "Sìn", "Tà", "Phìn", "Hua", "Bản", "Khun", "Lản", "Chăn", "Nưa", "Thèn", "Sin", "Chải", "Hồ", "Tủng",
        "Cuổi", "Ma", "Lò", "San", "Dào", "Vàng", "Pheo", "Xe", "Só", "Hang", "Mồ", "Khoa", "Tông", "Qua", "Bum", "Tở", "Kan", "Thu",
        "Lũm", "Lùng", "Than", "Giang", "Pú", "Sam", "Cáp", "Dền", "Tè", "Nhé", "Páo", "Sáng", "Hà", "Sang", "Pắc", "Ta", "Gia", "Lay",
        "Hợp", "Noong", "Hẻo", "Tiến", "Thắng", "Phúc", "Khoen", "On", "Kim", "Phăng", "Mù", "Cả", "Hừa", "Căn", "Co", "Tung", "Luông",
        "Ngà", "Be", "Bó", "Pìn", "Lếch", "Chà", "Nùng", "Tỉnh", "Mơ", "Cang",
    ];

    /// <summary>Offices of a district's people's committee: (name prefix, kind).</summary>
    public static readonly (string Name, bool PublicService)[] DistrictOffices =
    [
        ("Văn phòng HĐND và UBND", false), ("Phòng Nội vụ", false), ("Phòng Tư pháp", false), ("Phòng Tài chính - Kế hoạch", false),
        ("Phòng Tài nguyên và Môi trường", false), ("Phòng Giáo dục và Đào tạo", false), ("Phòng Y tế", false),
        ("Phòng Văn hóa và Thông tin", false), ("Phòng Lao động - Thương binh và Xã hội", false), ("Phòng Kinh tế và Hạ tầng", false),
        ("Phòng Nông nghiệp và Phát triển nông thôn", false), ("Phòng Dân tộc", false), ("Thanh tra", false),
        ("Trung tâm Văn hóa - Thể thao và Truyền thông", true), ("Ban Quản lý dự án đầu tư xây dựng", true),
        ("Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên", true),
    ];

    public static readonly string[] Surnames = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Lò", "Lường", "Tao", "Vàng", "Giàng", "Sùng", "Tẩn", "Lý", "Hà", "Quàng", "Chảo"];
    public static readonly string[] Middles = ["Văn", "Thị", "Minh", "Đức", "Thu", "Quốc", "A", "Hữu", "Ngọc", "Thanh"];
    public static readonly string[] Given = ["An", "Bình", "Chung", "Dũng", "Giang", "Hà", "Hải", "Hoa", "Hùng", "Khải", "Lan", "Long", "Mai", "Minh", "Nam", "Nguyệt", "Páo", "Phúc", "Sinh", "Thắng", "Thu", "Trang", "Tuấn", "Yến", "Lở", "Mỷ", "Inh", "Sáng", "Chính", "Tâm"];

    public static readonly string[] Contents =
    [
        "Tuyên truyền Kế hoạch CCHC năm {0}; dịch vụ công trực tuyến mức độ 3, 4; tiếp nhận và trả kết quả qua dịch vụ bưu chính công ích.",
        "Phổ biến Chương trình tổng thể cải cách hành chính nhà nước; thủ tục hành chính mới ban hành; chỉ số SIPAS, PAR INDEX.",
        "Tuyên truyền cải cách thủ tục hành chính, hiện đại hóa nền hành chính, xây dựng chính quyền điện tử tại địa phương.",
        "Lồng ghép nội dung CCHC trong các buổi sinh hoạt thôn, bản, tổ dân phố; niêm yết công khai thủ tục hành chính tại bộ phận một cửa.",
        "Phát thanh chuyên mục CCHC trên hệ thống loa truyền thanh cơ sở bằng tiếng Việt và tiếng dân tộc.",
    ];

    public static readonly string[] Results =
    [
        "Nhận thức của cán bộ, công chức và nhân dân về CCHC được nâng lên; số hồ sơ nộp trực tuyến tăng.",
        "Tỷ lệ hồ sơ giải quyết đúng hạn đạt trên 98%; người dân biết và sử dụng dịch vụ công trực tuyến nhiều hơn.",
        "Tinh thần, thái độ phục vụ nhân dân của cán bộ, công chức có chuyển biến rõ rệt.",
        "Người dân nắm được quy trình giải quyết thủ tục hành chính tại bộ phận một cửa.",
    ];

    public static readonly string[] Strengths =
    [
        "Nội dung tuyên truyền phong phú, bám sát kế hoạch.",
        "Có sự phối hợp chặt chẽ giữa các cơ quan, đoàn thể.",
        "Lãnh đạo quan tâm chỉ đạo sát sao; hình thức tuyên truyền đa dạng.",
    ];

    public static readonly string[] Limitations =
    [
        "Hình thức tuyên truyền ở một số thôn, bản chưa đa dạng.",
        "Kinh phí cho công tác tuyên truyền còn hạn chế.",
        "Một bộ phận người dân vùng cao còn hạn chế về tiếng phổ thông.",
    ];

    public static readonly string[] Audiences =
    [
        "Cán bộ, công chức, viên chức", "Nhân dân trên địa bàn", "Học sinh, sinh viên", "Doanh nghiệp, hộ kinh doanh", "Đồng bào dân tộc thiểu số",
    ];

    public static readonly string[] ReturnComments =
    [
        "Đề nghị bổ sung số người tham gia các buổi tuyên truyền.",
        "Đề nghị bổ sung danh sách văn bản đã ban hành và số phút phát thanh.",
        "Báo cáo chưa có phần đánh giá hạn chế, đề nghị bổ sung.",
    ];

    public static readonly string[] ProgressNotes =
    [
        "Phát sóng chuyên mục CCHC trên loa truyền thanh không dây.",
        "Lồng ghép nội dung CCHC trong hội nghị báo cáo viên.",
        "Đăng tải văn bản chỉ đạo điều hành về CCHC trên trang thông tin điện tử.",
        "Tổ chức hội nghị tuyên truyền CCHC cho cán bộ cấp xã.",
        "Triển khai theo kế hoạch.",
    ];
}
