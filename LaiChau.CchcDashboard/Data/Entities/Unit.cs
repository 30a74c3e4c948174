namespace LaiChau.CchcDashboard.Data.Entities;

public enum UnitKind
{
    Department = 1,
    PublicServiceUnit = 2,
    Ward = 3,
    Commune = 4,
    PartyBody = 5,
}

/// <summary>A department, ward, commune or other body named in a plan. Units are data: maps change.</summary>
public sealed class Unit
{
    public int Id { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public UnitKind Kind { get; set; }
    /// <summary>Whether the unit owes the plan's periodic reports (a Party body does not).</summary>
    public bool MustReport { get; set; }
    public int SortOrder { get; set; }
    public string? ContactName { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public bool IsActive { get; set; } = true;
    public int Version { get; set; }
}
