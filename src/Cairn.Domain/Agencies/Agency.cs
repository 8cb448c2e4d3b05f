namespace Cairn.Domain.Agencies;

/// <summary>A local authority area: the partnership whose children Cairn holds.</summary>
public sealed class Area
{
    private Area()
    {
        Name = "";
        LocalAuthorityCode = "";
    }

    public AreaId Id { get; private set; }
    public string Name { get; private set; }
    /// <summary>Upper-tier local authority GSS code (children's services are run by the upper tier).</summary>
    public string LocalAuthorityCode { get; private set; }

    public static Area Create(string name, string localAuthorityCode) =>
        new() { Id = AreaId.New(), Name = name.Trim(), LocalAuthorityCode = localAuthorityCode.Trim() };
}

public enum AgencyKind
{
    ChildrensSocialCare = 1,
    Police = 2,
    GeneralPractice = 3,
    HealthVisiting = 4,
    Midwifery = 5,
    Hospital = 6,
    Camhs = 7,
    School = 8,
    YouthJustice = 9,
    Housing = 10,
    AdultSocialCare = 11,
    Voluntary = 12,
}

public sealed class Agency
{
    private Agency()
    {
        Name = "";
    }

    public AgencyId Id { get; private set; }
    public AreaId AreaId { get; private set; }
    public string Name { get; private set; }
    public AgencyKind Kind { get; private set; }
    public string? Phone { get; private set; }
    public string? Email { get; private set; }

    public static Agency Create(AreaId area, string name, AgencyKind kind, string? phone = null, string? email = null) =>
        new() { Id = AgencyId.New(), AreaId = area, Name = name.Trim(), Kind = kind, Phone = phone, Email = email };
}

public sealed class Team
{
    private Team()
    {
        Name = "";
    }

    public TeamId Id { get; private set; }
    public AgencyId AgencyId { get; private set; }
    public string Name { get; private set; }
    /// <summary>The team manager; they may open the records of children allocated to their team's workers.</summary>
    public ProfessionalId? ManagerId { get; private set; }

    public static Team Create(AgencyId agency, string name) => new() { Id = TeamId.New(), AgencyId = agency, Name = name.Trim() };

    public void AssignManager(ProfessionalId manager) => ManagerId = manager;
}
