namespace LaiChau.CchcDashboard.Data.Entities;

/// <summary>A public holiday or other day off (Tết above all), kept as an editable calendar.</summary>
public sealed class Holiday
{
    public int Id { get; set; }
    public DateOnly Date { get; set; }
    public string Name { get; set; } = "";
}
