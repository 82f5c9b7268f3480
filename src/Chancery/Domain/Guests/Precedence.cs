using System.Globalization;
using Chancery.Domain.Contacts;

namespace Chancery.Domain.Guests;

public enum PrecedenceGroup
{
    HeadOfMission,
    ChargeDAffairesAdInterim,
    HeadOfInternationalOrganization,
    DiplomaticStaff,
    Other,
}

/// <summary>One person's place, the group it comes from and, in words, why they stand there.</summary>
public sealed record PrecedenceEntry(PrecedenceCandidate Person, int Position, PrecedenceGroup Group, string Reason);

/// <summary>
/// The order of precedence of the diplomatic corps (Vienna Convention on Diplomatic Relations, 1961,
/// Arts. 13, 14, 16, 17 and 19, as docs/events.md §4 sets them out), written once for guest lists, receiving
/// lines, speaking order and seating.
/// </summary>
public static class Precedence
{
    /// <summary>
    /// Orders <paramref name="people"/>. <paramref name="corps"/> is the whole diplomatic corps the host knows
    /// (the directory's heads of mission), so staff follow their head's precedence even when the head is not
    /// among <paramref name="people"/>.
    /// </summary>
    public static IReadOnlyList<PrecedenceEntry> Order(IEnumerable<PrecedenceCandidate> people, PrecedenceSettings settings, IEnumerable<PrecedenceCandidate>? corps = null)
    {
        var list = people.ToList();
        var countryOrder = StringComparer.Create(CultureInfo.GetCultureInfo(settings.HostLanguage), ignoreCase: true);
        var ordered = new List<(PrecedenceCandidate Person, PrecedenceGroup Group, string Reason)>();

        // Art. 14 and 16: heads of mission by class, then by the date and time they took up functions.
        var heads = OrderHeads(list.Where(IsHeadOfMission), settings, countryOrder);
        ordered.AddRange(heads.Select(h => (h.Person, PrecedenceGroup.HeadOfMission, h.Reason)));

        // Art. 19: chargés d'affaires ad interim after every head of mission, by when they took up the function.
        var interim = list.Where(p => !IsInternational(p) && p.HeadOfMissionClass == HeadOfMissionClass.ChargeDAffairesAdInterim)
            .OrderBy(p => p.TookUpFunction ?? DateTime.MaxValue).ThenBy(p => p.RecordedOrder).ToList();
        ordered.AddRange(interim.Select(p => (p, PrecedenceGroup.ChargeDAffairesAdInterim,
            $"Chargé d'affaires a.i. (Art. 19), {Dated(p.TookUpFunction, "function taken up")}")));

        // Heads of international organizations follow the heads of diplomatic missions: in the order the host ranks
        // their organizations where it does, then by when they took up their functions.
        var international = list.Where(p => IsInternational(p) && (p.HeadsInternationalOrganization || p.HeadOfMissionClass is not null))
            .OrderBy(p => p.OrganizationRank ?? int.MaxValue)
            .ThenBy(p => p.CredentialsPresented ?? p.ArrivalNotified ?? p.TookUpFunction ?? DateTime.MaxValue).ThenBy(p => p.Name, countryOrder).ToList();
        ordered.AddRange(international.Select(p => (p, PrecedenceGroup.HeadOfInternationalOrganization,
            $"Head of an international organization{(p.OrganizationRank is { } r ? $" ranked {Ordinal(r)} by the host" : "")}, {Dated(p.CredentialsPresented ?? p.ArrivalNotified ?? p.TookUpFunction, "took up functions")}")));

        // Rule 7 (Art. 17): staff across missions by rank, within a rank by their head's precedence,
        // inside one mission in the order the mission notified.
        var placed = ordered.Select(o => o.Person.Id).ToHashSet();
        var headRank = HeadPositions(heads.Select(h => h.Person).Concat(interim), corps, settings, countryOrder);
        var staff = list.Where(p => !placed.Contains(p.Id) && DiplomaticRanks.Of(p.DiplomaticRank) is not null)
            .OrderBy(p => DiplomaticRanks.Of(p.DiplomaticRank))
            .ThenBy(p => p.OrganizationId is { } o && headRank.TryGetValue(o, out var r) ? r : int.MaxValue)
            .ThenBy(p => p.NotifiedOrder ?? int.MaxValue)
            .ThenBy(p => p.RecordedOrder).ToList();
        ordered.AddRange(staff.Select(p => (p, PrecedenceGroup.DiplomaticStaff,
            $"Diplomatic staff, {p.DiplomaticRank}; after their head of mission's precedence{(p.NotifiedOrder is { } n ? $", notified {Ordinal(n)} by their mission (Art. 17)" : "")}")));

        // Everyone else (rule 6): category by category in the mission's order of them (the host's officials, then
        // scientific and public circles, citizens… as the mission sets it), within one by the rank the protocol
        // officer set, then by name; never alphabetically across categories.
        placed.UnionWith(staff.Select(p => p.Id));
        var others = list.Where(p => !placed.Contains(p.Id))
            .OrderBy(p => p.CategoryOrder ?? int.MaxValue).ThenBy(p => p.Category, countryOrder).ThenBy(p => p.ManualRank ?? int.MaxValue).ThenBy(p => p.SortName ?? p.Name, countryOrder).ToList();
        ordered.AddRange(others.Select(p => (p, PrecedenceGroup.Other,
            (p.Category is { } category ? $"{category} (the mission's order of categories); " : "No category: after those with one; ")
            + (p.ManualRank is { } m ? $"placed by hand at rank {m}" : "no rank set: after those placed, by name"))));

        return [.. ordered.Select((o, i) => new PrecedenceEntry(o.Person, i + 1, o.Group, o.Reason))];
    }

    /// <summary>The dean (doyen) of the corps: the Holy See's representative where the host gives it precedence, else the longest-serving ambassador.</summary>
    public static PrecedenceCandidate? Dean(IEnumerable<PrecedenceCandidate> corps, PrecedenceSettings settings)
    {
        var countryOrder = StringComparer.Create(CultureInfo.GetCultureInfo(settings.HostLanguage), ignoreCase: true);
        return OrderHeads(corps.Where(IsHeadOfMission), settings, countryOrder)
            .Select(h => h.Person).FirstOrDefault(p => p.HeadOfMissionClass == HeadOfMissionClass.Ambassador);
    }

    private static bool IsInternational(PrecedenceCandidate p) =>
        p.HeadsInternationalOrganization || p.OrganizationType == OrganizationType.InternationalOrganization;

    private static bool IsHeadOfMission(PrecedenceCandidate p) =>
        !IsInternational(p) && p.HeadOfMissionClass is HeadOfMissionClass.Ambassador or HeadOfMissionClass.Envoy or HeadOfMissionClass.ChargeDAffaires;

    private static DateTime? TookUpFunctions(PrecedenceCandidate p, PrecedenceSettings s) =>
        s.DatedBy == FunctionsDatedBy.ArrivalNotified ? p.ArrivalNotified ?? p.CredentialsPresented : p.CredentialsPresented;

    private static List<(PrecedenceCandidate Person, string Reason)> OrderHeads(IEnumerable<PrecedenceCandidate> heads, PrecedenceSettings s, StringComparer countryOrder)
    {
        var sorted = heads
            .OrderBy(p => s.HolySeeFirst && p.RepresentsHolySee && p.HeadOfMissionClass == HeadOfMissionClass.Ambassador ? 0 : 1)
            .ThenBy(p => (int)p.HeadOfMissionClass!.Value)
            .ThenBy(p => TookUpFunctions(p, s) ?? DateTime.MaxValue);
        sorted = s.TieBreak == PrecedenceTieBreak.CountryName
            ? sorted.ThenBy(p => p.Country ?? p.Name, countryOrder)
            : sorted.ThenBy(p => p.RecordedOrder);
        var result = sorted.ToList();

        var dating = s.DatedBy == FunctionsDatedBy.ArrivalNotified ? "arrival notified" : "credentials presented";
        return [.. result.Select(p =>
        {
            var when = TookUpFunctions(p, s);
            var tied = when is not null && result.Count(o => o.HeadOfMissionClass == p.HeadOfMissionClass && TookUpFunctions(o, s) == when) > 1;
            var reason = s.HolySeeFirst && p.RepresentsHolySee && p.HeadOfMissionClass == HeadOfMissionClass.Ambassador
                ? "Representative of the Holy See, given precedence by the host (Art. 16.3)"
                : $"{ClassName(p.HeadOfMissionClass!.Value)} (Art. 14), {Dated(when, dating)} (Art. 16)";
            if (tied)
            {
                reason += s.TieBreak == PrecedenceTieBreak.CountryName
                    ? $"; same moment as another, so by country name in {CultureInfo.GetCultureInfo(s.HostLanguage).EnglishName}"
                    : "; same moment as another, so in the order the host recorded them";
            }
            return (p, reason);
        })];
    }

    private static Dictionary<Guid, int> HeadPositions(IEnumerable<PrecedenceCandidate> present, IEnumerable<PrecedenceCandidate>? corps, PrecedenceSettings s, StringComparer countryOrder)
    {
        var all = present.Concat(corps ?? []).DistinctBy(p => p.Id).ToList();
        var heads = OrderHeads(all.Where(IsHeadOfMission), s, countryOrder).Select(h => h.Person)
            .Concat(all.Where(p => p.HeadOfMissionClass == HeadOfMissionClass.ChargeDAffairesAdInterim && !IsInternational(p))
                .OrderBy(p => p.TookUpFunction ?? DateTime.MaxValue).ThenBy(p => p.RecordedOrder));
        var positions = new Dictionary<Guid, int>();
        var i = 0;
        foreach (var head in heads)
        {
            if (head.OrganizationId is { } org)
            {
                positions.TryAdd(org, i);
            }
            i++;
        }
        return positions;
    }

    private static string ClassName(HeadOfMissionClass c) => c switch
    {
        HeadOfMissionClass.Ambassador => "Ambassador (first class)",
        HeadOfMissionClass.Envoy => "Envoy or minister (second class)",
        HeadOfMissionClass.ChargeDAffaires => "Chargé d'affaires en pied (third class)",
        _ => "Chargé d'affaires a.i.",
    };

    private static string Dated(DateTime? when, string what) =>
        when is { } d ? $"{what} {d.ToString(d.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}" : $"{what}: date unknown, so last in the group";

    private static string Ordinal(int n) => n switch { 1 => "1st", 2 => "2nd", 3 => "3rd", _ => $"{n}th" };
}
