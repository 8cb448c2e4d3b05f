namespace Cairn.Domain.Children;

public enum InvolvementRole
{
    AllocatedSocialWorker = 1,
    EarlyHelpWorker = 2,
    GeneralPractitioner = 3,
    HealthVisitor = 4,
    Midwife = 5,
    SchoolNurse = 6,
    Paediatrician = 7,
    CamhsPractitioner = 8,
    DesignatedSafeguardingLead = 9,
    Teacher = 10,
    IndependentReviewingOfficer = 11,
    PoliceOfficer = 12,
    YouthJusticeWorker = 13,
    HousingOfficer = 14,
    PersonalAdviser = 15,
    FamilySupportWorker = 16,
    AdultSocialWorker = 17,
    Other = 99,
}

/// <summary>
/// A professional's involvement with a child: who, from which agency, in which role, from when to when.
/// Current involvement is what gives an ordinary practitioner a reason to open the child's record.
/// </summary>
public sealed class Involvement
{
    private Involvement()
    {
    }

    public InvolvementId Id { get; private set; }
    public PersonId ChildId { get; private set; }
    public ProfessionalId ProfessionalId { get; private set; }
    public AgencyId AgencyId { get; private set; }
    public InvolvementRole Role { get; private set; }
    public bool IsLeadProfessional { get; internal set; }
    public DateOnly StartedOn { get; private set; }
    public DateOnly? EndedOn { get; internal set; }
    public ProfessionalId RecordedBy { get; private set; }
    public int Version { get; internal set; }

    public bool IsCurrentOn(DateOnly date) => StartedOn <= date && (EndedOn is null || EndedOn >= date);

    internal static Involvement Create(PersonId child, ProfessionalId professional, AgencyId agency, InvolvementRole role,
        DateOnly startedOn, bool isLead, ProfessionalId by) => new()
        {
            Id = InvolvementId.New(),
            ChildId = child,
            ProfessionalId = professional,
            AgencyId = agency,
            Role = role,
            StartedOn = startedOn,
            IsLeadProfessional = isLead,
            RecordedBy = by,
            Version = 1,
        };
}
