using System.Globalization;
using System.Xml.Linq;

namespace Cairn.Domain.Returns.CinCensus;

/// <summary>
/// The census as the DfE's XML (data/returns/cin_census_structure.md): elements in the schema's order, dates as
/// yyyy-mm-dd, optional elements left out when empty. Reading gives back what was written.
/// </summary>
public static class CinCensusXml
{
    private const string DateFormat = "yyyy-MM-dd";
    private const string DateTimeFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    /// <summary>The census for its period (<see cref="CinCensusReturn.InCensusPeriod"/>) as the DfE's XML.</summary>
    public static XDocument Write(CinCensusReturn census)
    {
        ArgumentNullException.ThrowIfNull(census);
        var inPeriod = census.InCensusPeriod();
        var header = inPeriod.Header;
        return new XDocument(
            new XDeclaration("1.0", "utf-8", null),
            new XElement("Message",
                new XElement("Header",
                    new XElement("CollectionDetails",
                        new XElement("Collection", "CIN"),
                        new XElement("Year", header.Year.EndingYear.ToString(CultureInfo.InvariantCulture)),
                        Date("ReferenceDate", header.ReferenceDate)),
                    new XElement("Source",
                        new XElement("SourceLevel", "L"),
                        new XElement("LEA", header.Lea),
                        Text("SoftwareCode", header.SoftwareCode),
                        Text("Release", header.Release),
                        Text("SerialNo", header.SerialNo),
                        header.DateTime is { } made
                            ? new XElement("DateTime", made.ToUniversalTime().ToString(DateTimeFormat, CultureInfo.InvariantCulture))
                            : null)),
                new XElement("Children", inPeriod.Children.Select(c => Child(c, header.Year)))));
    }

    public static CinCensusReturn Read(XDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var message = document.Root ?? throw new FormatException("The document is empty.");
        var details = message.Element("Header")?.Element("CollectionDetails");
        var source = message.Element("Header")?.Element("Source");
        var year = CinCensusYears.Ending(int.Parse(Value(details, "Year") ?? throw new FormatException("No Year."), CultureInfo.InvariantCulture));
        var header = new CinCensusHeader
        {
            Year = year,
            ReferenceDate = ReadDate(details, "ReferenceDate") ?? year.End,
            Lea = Value(source, "LEA") ?? "",
            SoftwareCode = Value(source, "SoftwareCode"),
            Release = Value(source, "Release"),
            SerialNo = Value(source, "SerialNo"),
            DateTime = Value(source, "DateTime") is { } made
                ? DateTimeOffset.Parse(made, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)
                : null,
        };
        var children = message.Element("Children")?.Elements("Child").Select(c => ReadChild(c)).ToList() ?? [];
        return new CinCensusReturn { Header = header, Children = children };
    }

    private static XElement Child(CinChild child, CollectionYear year) =>
        new("Child",
            new XElement("ChildIdentifiers",
                new XElement("LAchildID", child.LaChildId),
                Text("UPN", child.Upn),
                Text("FormerUPN", child.FormerUpn),
                Text("UPNunknown", child.UpnUnknown),
                Date("PersonBirthDate", child.PersonBirthDate),
                Date("ExpectedPersonBirthDate", child.ExpectedPersonBirthDate),
                CinCensusYears.ReturnsSex(year) ? Text("Sex", child.Sex) : Text("GenderCurrent", GenderCurrentOf(child.Sex)),
                Date("PersonDeathDate", child.PersonDeathDate)),
            new XElement("ChildCharacteristics",
                Text("Ethnicity", child.Ethnicity),
                child.Disabilities.Count == 0 ? null : new XElement("Disabilities", child.Disabilities.Select(d => new XElement("Disability", d)))),
            child.Episodes.Select(Episode));

    private static XElement Episode(CinEpisode episode) =>
        new("CINdetails",
            Date("CINreferralDate", episode.ReferralDate),
            Text("ReferralSource", episode.ReferralSource),
            Text("PrimaryNeedCode", episode.PrimaryNeedCode),
            Date("CINclosureDate", episode.ClosureDate),
            Text("ReasonForClosure", episode.ReasonForClosure),
            Date("DateOfInitialCPC", episode.DateOfInitialCpc),
            episode.Assessments.Select(a => new XElement("Assessments",
                Date("AssessmentActualStartDate", a.StartDate),
                Date("AssessmentInternalReviewDate", a.InternalReviewDate),
                Date("AssessmentAuthorisationDate", a.AuthorisationDate),
                a.Factors.Count == 0
                    ? null
                    : new XElement("FactorsIdentifiedAtAssessment", a.Factors.Select(f => new XElement("AssessmentFactors", f))))),
            episode.CinPlans.Select(p => new XElement("CINPlanDates", Date("CINPlanStartDate", p.StartDate), Date("CINPlanEndDate", p.EndDate))),
            episode.Section47s.Select(s => new XElement("Section47",
                Date("S47ActualStartDate", s.StartDate),
                Date("InitialCPCtarget", s.InitialCpcTarget),
                Date("DateOfInitialCPC", s.DateOfInitialCpc),
                Bool("ICPCnotRequired", s.IcpcNotRequired))),
            Bool("ReferralNFA", episode.ReferralNfa),
            episode.ChildProtectionPlans.Select(p => new XElement("ChildProtectionPlans",
                Date("CPPstartDate", p.StartDate),
                Date("CPPendDate", p.EndDate),
                Text("InitialCategoryOfAbuse", p.InitialCategoryOfAbuse),
                Text("LatestCategoryOfAbuse", p.LatestCategoryOfAbuse),
                p.NumberOfPreviousCpp is { } previous ? new XElement("NumberOfPreviousCPP", previous.ToString(CultureInfo.InvariantCulture)) : null,
                p.ReviewDates.Count == 0 ? null : new XElement("Reviews", p.ReviewDates.Select(r => Date("CPPreviewDate", r))))),
            episode.PreProceedings is { } pp ? PreProceedings(pp) : null);

    private static XElement PreProceedings(CinPreProceedings pp) =>
        new("PreProceedingsandFGDM",
            Date("PPStartDate", pp.PreProceedingsStartDate),
            Date("LBPSentDate", pp.LetterBeforeProceedingsSentDate),
            Flag("FGDMMeetingOffer", pp.FgdmMeetingOffered),
            Flag("FGDMMeetingFac", pp.FgdmMeetingFacilitated),
            Date("InitialPPMeetingDate", pp.InitialMeetingDate),
            pp.ReviewMeetingsCount is { } count ? new XElement("ReviewMeetingsCount", count.ToString(CultureInfo.InvariantCulture)) : null,
            Date("StepDecisionDate", pp.StepDecisionDate),
            Text("PPOutcome", pp.Outcome),
            Date("CourtAppDate", pp.CourtApplicationDate),
            Date("LetterInitCPDate", pp.LetterInitiatingCareProceedingsDate));

    private static CinChild ReadChild(XElement child)
    {
        var ids = child.Element("ChildIdentifiers");
        var characteristics = child.Element("ChildCharacteristics");
        return new CinChild
        {
            LaChildId = Value(ids, "LAchildID") ?? "",
            Upn = Value(ids, "UPN"),
            FormerUpn = Value(ids, "FormerUPN"),
            UpnUnknown = Value(ids, "UPNunknown"),
            PersonBirthDate = ReadDate(ids, "PersonBirthDate"),
            ExpectedPersonBirthDate = ReadDate(ids, "ExpectedPersonBirthDate"),
            Sex = Value(ids, "Sex") ?? SexOf(Value(ids, "GenderCurrent")),
            PersonDeathDate = ReadDate(ids, "PersonDeathDate"),
            Ethnicity = Value(characteristics, "Ethnicity"),
            Disabilities = characteristics?.Element("Disabilities")?.Elements("Disability").Select(d => d.Value.Trim()).ToList() ?? [],
            Episodes = child.Elements("CINdetails").Select(ReadEpisode).ToList(),
        };
    }

    private static CinEpisode ReadEpisode(XElement e) => new()
    {
        ReferralDate = ReadDate(e, "CINreferralDate") ?? throw new FormatException("A CINdetails has no CINreferralDate."),
        ReferralSource = Value(e, "ReferralSource"),
        PrimaryNeedCode = Value(e, "PrimaryNeedCode"),
        ClosureDate = ReadDate(e, "CINclosureDate"),
        ReasonForClosure = Value(e, "ReasonForClosure"),
        DateOfInitialCpc = ReadDate(e, "DateOfInitialCPC"),
        ReferralNfa = ReadBool(e, "ReferralNFA"),
        Assessments = e.Elements("Assessments").Select(a => new CinAssessment
        {
            StartDate = ReadDate(a, "AssessmentActualStartDate") ?? throw new FormatException("An assessment has no start date."),
            InternalReviewDate = ReadDate(a, "AssessmentInternalReviewDate"),
            AuthorisationDate = ReadDate(a, "AssessmentAuthorisationDate"),
            Factors = a.Element("FactorsIdentifiedAtAssessment")?.Elements("AssessmentFactors").Select(f => f.Value.Trim()).ToList() ?? [],
        }).ToList(),
        CinPlans = e.Elements("CINPlanDates")
            .Select(p => new CinPlan(ReadDate(p, "CINPlanStartDate") ?? throw new FormatException("A CIN plan has no start date."),
                ReadDate(p, "CINPlanEndDate")))
            .ToList(),
        Section47s = e.Elements("Section47").Select(s => new CinSection47
        {
            StartDate = ReadDate(s, "S47ActualStartDate") ?? throw new FormatException("A section 47 enquiry has no start date."),
            InitialCpcTarget = ReadDate(s, "InitialCPCtarget"),
            DateOfInitialCpc = ReadDate(s, "DateOfInitialCPC"),
            IcpcNotRequired = ReadBool(s, "ICPCnotRequired") ?? false,
        }).ToList(),
        ChildProtectionPlans = e.Elements("ChildProtectionPlans").Select(p => new CinChildProtectionPlan
        {
            StartDate = ReadDate(p, "CPPstartDate") ?? throw new FormatException("A child protection plan has no start date."),
            EndDate = ReadDate(p, "CPPendDate"),
            InitialCategoryOfAbuse = Value(p, "InitialCategoryOfAbuse"),
            LatestCategoryOfAbuse = Value(p, "LatestCategoryOfAbuse"),
            NumberOfPreviousCpp = Value(p, "NumberOfPreviousCPP") is { } n ? int.Parse(n, CultureInfo.InvariantCulture) : null,
            ReviewDates = p.Element("Reviews")?.Elements("CPPreviewDate").Select(r => ParseDate(r.Value)).ToList() ?? [],
        }).ToList(),
        PreProceedings = e.Element("PreProceedingsandFGDM") is { } pp ? ReadPreProceedings(pp) : null,
    };

    private static CinPreProceedings ReadPreProceedings(XElement pp) => new()
    {
        PreProceedingsStartDate = ReadDate(pp, "PPStartDate"),
        LetterBeforeProceedingsSentDate = ReadDate(pp, "LBPSentDate"),
        FgdmMeetingOffered = ReadBool(pp, "FGDMMeetingOffer"),
        FgdmMeetingFacilitated = ReadBool(pp, "FGDMMeetingFac"),
        InitialMeetingDate = ReadDate(pp, "InitialPPMeetingDate"),
        ReviewMeetingsCount = Value(pp, "ReviewMeetingsCount") is { } n ? int.Parse(n, CultureInfo.InvariantCulture) : null,
        StepDecisionDate = ReadDate(pp, "StepDecisionDate"),
        Outcome = Value(pp, "PPOutcome"),
        CourtApplicationDate = ReadDate(pp, "CourtAppDate"),
        LetterInitiatingCareProceedingsDate = ReadDate(pp, "LetterInitCPDate"),
    };

    private static XElement? Text(string name, string? value) => string.IsNullOrWhiteSpace(value) ? null : new XElement(name, value);

    private static XElement? Date(string name, DateOnly? value) =>
        value is { } date ? new XElement(name, date.ToString(DateFormat, CultureInfo.InvariantCulture)) : null;

    private static XElement? Bool(string name, bool? value) => value is { } b ? new XElement(name, b ? "true" : "false") : null;

    // The 2026 files write the FGDM answers as 0/1.
    private static XElement? Flag(string name, bool? value) => value is { } b ? new XElement(name, b ? "1" : "0") : null;

    private static string? Value(XElement? parent, string name) =>
        parent?.Element(name)?.Value.Trim() is { Length: > 0 } text ? text : null;

    private static DateOnly? ReadDate(XElement? parent, string name) => Value(parent, name) is { } text ? ParseDate(text) : null;

    private static DateOnly ParseDate(string text) => DateOnly.ParseExact(text.Trim(), DateFormat, CultureInfo.InvariantCulture);

    private static bool? ReadBool(XElement? parent, string name) => Value(parent, name) switch
    {
        "true" or "1" => true,
        "false" or "0" => false,
        _ => null,
    };

    private static string? GenderCurrentOf(string? sex) => sex switch
    {
        "M" => "1",
        "F" => "2",
        "U" => "0",
        _ => sex,
    };

    private static string? SexOf(string? genderCurrent) => genderCurrent switch
    {
        "1" => "M",
        "2" => "F",
        "0" or "9" => "U",
        _ => genderCurrent,
    };
}
