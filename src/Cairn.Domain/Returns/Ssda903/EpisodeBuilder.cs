using System.Globalization;
using Cairn.Domain.Placements;
using Cairn.Domain.Places;

namespace Cairn.Domain.Returns.Ssda903;

/// <summary>
/// An episode as the DfE defines it: a stretch of care with one legal status and one placement. Built from the record's legal
/// status and placement periods; the DEC of an episode followed by another is the next one's DECOM, with REC X1.
/// </summary>
public sealed record Episode(
    DateOnly Start, DateOnly? End, string ReasonForNewEpisode, LegalStatusPeriod LegalStatus, PlacementPeriod Placement,
    string? ReasonCeased, string? ReasonPlaceChange);

/// <summary>
/// Derives a child's episodes from their legal status and placement history, and builds the 903 return's rows from them
/// (SSDA903 guide: a new episode whenever the legal status, the placement or the carers change).
/// </summary>
public static class EpisodeBuilder
{
    /// <summary>REC for an episode that ends because another begins the same day.</summary>
    public const string ContinuingEpisode = "X1";

    /// <summary>
    /// Every episode of the child's history, oldest first. A day is in care when both a legal status and a placement cover it;
    /// a gap starts a fresh period of care (RNE S). Between two episodes that meet: legal status changed only (L); placement
    /// and carers changed (P, or B with legal status); placement changed with the same carers (T, or U with legal status).
    /// </summary>
    public static IReadOnlyList<Episode> Episodes(LookedAfterChild child)
    {
        var boundaries = child.LegalStatuses.SelectMany(l => new[] { l.Start, l.End })
            .Concat(child.Placements.SelectMany(p => new[] { p.Start, p.End }))
            .OfType<DateOnly>().Distinct().Order().ToList();

        // Stretches between boundaries with the legal status and placement covering each; equal neighbours are merged.
        var stretches = new List<(DateOnly Start, DateOnly? End, LegalStatusPeriod Ls, PlacementPeriod Pl)>();
        for (var i = 0; i < boundaries.Count; i++)
        {
            var start = boundaries[i];
            DateOnly? end = i + 1 < boundaries.Count ? boundaries[i + 1] : null;
            var ls = child.LegalStatuses.FirstOrDefault(l => Covers(l.Start, l.End, start));
            var pl = child.Placements.FirstOrDefault(p => Covers(p.Start, p.End, start));
            if (ls is null || pl is null)
            {
                continue;
            }

            if (end is null)
            {
                end = Earliest(ls.End, pl.End);
            }

            // Two periods of the same legal status one after the other are one legal status to the DfE.
            if (stretches.Count > 0 && stretches[^1].End == start && stretches[^1].Ls.Code == ls.Code
                && ReferenceEquals(stretches[^1].Pl, pl))
            {
                stretches[^1] = (stretches[^1].Start, end, ls, pl);
            }
            else
            {
                stretches.Add((start, end, ls, pl));
            }
        }

        var episodes = new List<Episode>();
        for (var i = 0; i < stretches.Count; i++)
        {
            var (start, end, ls, pl) = stretches[i];
            var rne = i > 0 && stretches[i - 1].End == start
                ? Rne(stretches[i - 1].Ls.Code != ls.Code, stretches[i - 1].Pl, pl)
                : "S";
            var next = i + 1 < stretches.Count && stretches[i + 1].Start == end;
            var placeChanges = next && !ReferenceEquals(stretches[i + 1].Pl, pl);
            var rec = end is null ? null : next ? ContinuingEpisode : ls.ReasonCareCeased;
            episodes.Add(new Episode(start, end, rne, ls, pl, rec, placeChanges ? pl.ReasonForChange : null));
        }

        return episodes;
    }

    /// <summary>
    /// The 903 return for the year from the children's records. <paramref name="responsibleAuthority"/> is the LA's code as the
    /// resolver gives it; <paramref name="resolve"/> finds a postcode's local authority and grid reference (null if unknown).
    /// </summary>
    public static Ssda903Return Build(
        CollectionYear year, string responsibleAuthority, IEnumerable<LookedAfterChild> children, Func<string, PostcodeLocation?> resolve)
    {
        var tables = Ssda903Layout.TablesFor(year).ToDictionary(t => t, _ => new List<Ssda903Row>(), StringComparer.Ordinal);
        foreach (var child in children.OrderBy(c => c.ChildId, StringComparer.Ordinal))
        {
            AddChild(year, responsibleAuthority, child, resolve, tables);
        }

        return new Ssda903Return(year, tables.ToDictionary(t => t.Key, t => (IReadOnlyList<Ssda903Row>)t.Value, StringComparer.Ordinal));
    }

    /// <summary>Whether the child was looked after for the whole 12 months to 31 March (OC2), respite (V3, V4) aside.</summary>
    public static bool ContinuouslyLookedAfter(IReadOnlyList<Episode> episodes, CollectionYear year)
    {
        var atEnd = episodes.LastOrDefault(e => e.Start <= year.End && (e.End is null || e.End >= year.End));
        if (atEnd is null)
        {
            return false;
        }

        var index = IndexOf(episodes, atEnd);
        var start = index;
        while (start > 0 && episodes[start - 1].End == episodes[start].Start)
        {
            start--;
        }

        return episodes[start].Start <= year.Start
            && episodes.Skip(start).Take(index - start + 1).All(e => e.LegalStatus.Code is not ("V3" or "V4"));
    }

    private static int IndexOf(IReadOnlyList<Episode> episodes, Episode episode)
    {
        for (var i = 0; i < episodes.Count; i++)
        {
            if (ReferenceEquals(episodes[i], episode))
            {
                return i;
            }
        }

        return -1;
    }

    private static void AddChild(
        CollectionYear year, string authority, LookedAfterChild child, Func<string, PostcodeLocation?> resolve,
        Dictionary<string, List<Ssda903Row>> tables)
    {
        var all = Episodes(child);
        var inYear = all.Where(e => e.Start <= year.End && (e.End is null || e.End >= year.Start)).ToList();
        var careLeaver = child.CareLeaver is not null && Enumerable.Range(17, 5).Any(age => year.Contains(child.DateOfBirth.AddYears(age)));
        if (inYear.Count == 0 && !careLeaver)
        {
            return;
        }

        var id = child.ChildId;
        var dob = Ssda903Row.FormatDate(child.DateOfBirth);
        var respiteOnly = inYear.Count > 0 && inYear.All(e => e.LegalStatus.Code is "V3" or "V4");
        tables[Ssda903Layout.Header].Add(Row(Ssda903Layout.Header, ("CHILD", id), ("SEX", child.Sex), ("DOB", dob),
            ("ETHNIC", child.Ethnicity), ("UPN", child.Upn),
            ("MOTHER", inYear.Count == 0 || respiteOnly || child.IsMother is not { } mother ? null : mother ? "1" : "0"),
            ("MC_DOB", child.IsMother == true && !respiteOnly ? Ssda903Row.FormatDate(child.MothersChildDateOfBirth) : null),
            ("UASC", child.Uasc is null ? "0" : "1")));

        foreach (var episode in inYear)
        {
            tables[Ssda903Layout.Episodes].Add(EpisodeRow(year, authority, child, episode, resolve));
        }

        if (!respiteOnly)
        {
            foreach (var review in child.Reviews.Where(r => year.Contains(r.Date)).OrderBy(r => r.Date))
            {
                tables[Ssda903Layout.Reviews].Add(Row(Ssda903Layout.Reviews, ("CHILD", id), ("DOB", dob),
                    ("REVIEW", Ssda903Row.FormatDate(review.Date)), ("REVIEW_CODE", review.Participation)));
            }
        }

        foreach (var missing in child.MissingEpisodes.Where(m => m.Start <= year.End && (m.End is null || m.End >= year.Start))
                     .OrderBy(m => m.Start))
        {
            tables[Ssda903Layout.MissingEpisodes].Add(Row(Ssda903Layout.MissingEpisodes, ("CHILD", id), ("DOB", dob), ("MISSING", missing.Kind),
                ("MIS_START", Ssda903Row.FormatDate(missing.Start)), ("MIS_END", Ssda903Row.FormatDate(AsAt(missing.End, year)))));
        }

        if (child.Uasc is { } uasc && inYear.Count > 0)
        {
            tables[Ssda903Layout.Uasc].Add(Row(Ssda903Layout.Uasc, ("CHILD", id), ("SEX", child.Sex), ("DOB", dob),
                ("DUC", Ssda903Row.FormatDate(uasc.Ceased))));
        }

        if (child.Outcomes is { } oc2 && ContinuouslyLookedAfter(all, year))
        {
            tables[Ssda903Layout.Oc2].Add(Row(Ssda903Layout.Oc2, ("CHILD", id), ("DOB", dob),
                ("SDQ_SCORE", oc2.SdqScore?.ToString(CultureInfo.InvariantCulture)), ("SDQ_REASON", oc2.SdqReason),
                ("CONVICTED", Flag(oc2.Convicted)), ("HEALTH_CHECK", Flag(oc2.HealthCheck)), ("IMMUNISATIONS", Flag(oc2.Immunisations)),
                ("TEETH_CHECK", Flag(oc2.TeethCheck)), ("HEALTH_ASSESSMENT", Flag(oc2.HealthAssessment)),
                ("SUBSTANCE_MISUSE", Flag(oc2.SubstanceMisuse)), ("INTERVENTION_RECEIVED", Flag(oc2.InterventionReceived)),
                ("INTERVENTION_OFFERED", Flag(oc2.InterventionOffered))));
        }

        if (careLeaver && child.CareLeaver is { } oc3)
        {
            tables[Ssda903Layout.Oc3].Add(Row(Ssda903Layout.Oc3, ("CHILD", id), ("DOB", dob), ("IN_TOUCH", oc3.InTouch),
                ("ACTIV", oc3.Activity), ("ACCOM", oc3.Accommodation)));
        }

        var adopted = inYear.Any(e => e.End is { } end && year.Contains(end) && e.ReasonCeased is "E11" or "E12");
        if (child.Adoption is { } ad1 && adopted)
        {
            tables[Ssda903Layout.Ad1].Add(Row(Ssda903Layout.Ad1, ("CHILD", id), ("DOB", dob),
                ("DATE_INT", Ssda903Row.FormatDate(ad1.ShouldBePlacedDate)), ("DATE_MATCH", Ssda903Row.FormatDate(ad1.MatchedDate)),
                ("FOSTER_CARE", ad1.ByFormerFosterCarers ? "1" : "0"),
                ("NB_ADOPTR", ad1.NumberOfAdopters.ToString(CultureInfo.InvariantCulture)), ("SEX_ADOPTR", ad1.SexOfAdopters),
                ("LS_ADOPTR", ad1.LegalStatusOfAdopters)));
        }

        foreach (var decision in child.AdoptionDecisions.Where(d => d.Decided <= year.End && (d.Reversed is null || d.Reversed >= year.Start)))
        {
            var reversed = AsAt(decision.Reversed, year);
            tables[Ssda903Layout.PlacedAdoption].Add(Row(Ssda903Layout.PlacedAdoption, ("CHILD", id), ("DOB", dob),
                ("DATE_PLACED", Ssda903Row.FormatDate(decision.Decided)), ("DATE_PLACED_CEASED", Ssda903Row.FormatDate(reversed)),
                ("REASON_PLACED_CEASED", reversed is null ? null : decision.ReasonReversed)));
        }

        if (child.PreviousPermanence is { } perm && inYear.Any(e => e.ReasonForNewEpisode == "S" && year.Contains(e.Start)))
        {
            tables[Ssda903Layout.PrevPerm].Add(Row(Ssda903Layout.PrevPerm, ("CHILD", id), ("DOB", dob), ("PREV_PERM", perm.Code),
                ("LA_PERM", perm.LocalAuthority), ("DATE_PERM", perm.Date)));
        }

        foreach (var sw in child.SocialWorkers.Where(s => s.Start <= year.End && (s.End is null || s.End >= year.Start)).OrderBy(s => s.Start))
        {
            tables[Ssda903Layout.SocialWorkerEpisodes].Add(Row(Ssda903Layout.SocialWorkerEpisodes, ("CHILD", id), ("DOB", dob),
                ("SW_ID", sw.SocialWorkerId), ("SW_DECOM", Ssda903Row.FormatDate(sw.Start)),
                ("SW_DEC", Ssda903Row.FormatDate(AsAt(sw.End, year))), ("SW_REASON", sw.Reason)));
        }

        if (tables.TryGetValue(Ssda903Layout.DeprivationOfLiberty, out var dolo))
        {
            foreach (var order in child.DeprivationOfLiberty.Where(d => d.Start <= year.End && (d.End is null || d.End >= year.Start)))
            {
                dolo.Add(Row(Ssda903Layout.DeprivationOfLiberty, ("CHILD", id), ("DOB", dob),
                    ("DOLO_START", Ssda903Row.FormatDate(order.Start)), ("DOLO_END", Ssda903Row.FormatDate(AsAt(order.End, year)))));
            }
        }
    }

    private static Ssda903Row EpisodeRow(
        CollectionYear year, string authority, LookedAfterChild child, Episode episode, Func<string, PostcodeLocation?> resolve)
    {
        var pl = episode.Placement;
        var ended = episode.End is { } end && end <= year.End;
        var respite = episode.LegalStatus.Code is "V3" or "V4";

        // The return is as at 31 March: an episode that ends later is open on it. Respite (V3, V4) has no postcodes or distance;
        // an unaccompanied asylum-seeking child has no home postcode, so no distance (rules 398, 406, 420).
        var homePostcode = respite || child.Uasc is not null ? null : Normalise(child.HomePostcode);
        var placementPostcode = respite ? null : Normalise(pl.Postcode);
        var home = homePostcode is null ? null : resolve(homePostcode);
        var placed = placementPostcode is null ? null : resolve(placementPostcode);
        var distance = home is not null && placed is not null
            ? Math.Round(home.MetresTo(placed) / 1000 / 1.6093, 1, MidpointRounding.AwayFromZero).ToString("0.0", CultureInfo.InvariantCulture)
            : null;

        return Row(Ssda903Layout.Episodes, ("CHILD", child.ChildId), ("DECOM", Ssda903Row.FormatDate(episode.Start)),
            ("RNE", episode.ReasonForNewEpisode), ("LS", episode.LegalStatus.Code), ("CIN", child.CategoryOfNeed),
            ("PLACE", pl.PlacementType), ("PLACE_PROVIDER", PlacementCodes.NeedsProvider(pl.PlacementType) ? pl.Provider : null),
            ("DEC", ended ? Ssda903Row.FormatDate(episode.End) : null), ("REC", ended ? episode.ReasonCeased : null),
            ("REASON_PLACE_CHANGE", ended ? episode.ReasonPlaceChange : null), ("HOME_POST", homePostcode),
            ("PL_POST", placementPostcode),
            ("URN", PlacementCodes.NeedsUrn(pl.PlacementType) ? pl.Urn ?? PlacementCodes.UrnPlaceholder : null),
            ("PL_DISTANCE", distance), ("PL_LA", placed?.LocalAuthorityCode),
            ("PL_LOCATION", placed is null ? null : placed.LocalAuthorityCode == authority ? "IN" : "OUT"));
    }

    private static string Rne(bool legalStatusChanged, PlacementPeriod previous, PlacementPeriod current)
    {
        var placementChanged = !ReferenceEquals(previous, current);
        var sameCarers = previous.CarerId == current.CarerId;
        return (legalStatusChanged, placementChanged, sameCarers) switch
        {
            (true, false, _) => "L",
            (true, true, true) => "U",
            (true, true, false) => "B",
            (false, true, true) => "T",
            _ => "P",
        };
    }

    private static bool Covers(DateOnly start, DateOnly? end, DateOnly day) => start <= day && (end is null || day < end);

    private static DateOnly? Earliest(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a < b ? a : b;

    private static DateOnly? AsAt(DateOnly? end, CollectionYear year) => end is { } e && e <= year.End ? e : null;

    private static string? Flag(bool? value) => value is { } v ? v ? "1" : "0" : null;

    private static string? Normalise(string? postcode) => Postcode.TryParse(postcode, out var value, out _) ? value.ToString() : null;

    private static Ssda903Row Row(string table, params (string Field, string? Value)[] values) =>
        new(table, values.Select(v => KeyValuePair.Create(v.Field, v.Value)));
}
