namespace Chancery.Domain.Guests;

/// <summary>
/// The numbers at the top of a guest list. People counts everyone not declined with their partners, and the plus-ones
/// of those who accepted (before an answer, a plus-one is only leave to bring someone): what the caterer and the
/// venue's capacity care about.
/// </summary>
public sealed record GuestCounts(int Invited, int Accepted, int Declined, int Pending, int Partners, int PlusOnes, int People, int Waitlisted = 0)
{
    public static GuestCounts Of(IEnumerable<Guest> guests)
    {
        var list = guests.ToList();
        var coming = list.Where(MayCome).ToList();
        var partners = coming.Count(HasPartner);
        var plusOnes = coming.Where(g => g.Rsvp == RsvpAnswer.Accepted).Sum(g => g.PlusOnes);
        return new GuestCounts(
            list.Count,
            list.Count(g => g.Rsvp == RsvpAnswer.Accepted),
            list.Count(g => g.Rsvp == RsvpAnswer.Declined),
            list.Count(g => g.Rsvp == RsvpAnswer.Pending),
            partners,
            plusOnes,
            coming.Count + partners + plusOnes,
            list.Count(g => g.Rsvp == RsvpAnswer.Waitlisted));
    }

    /// <summary>Expected, or not answered yet: neither declined nor waiting for a place.</summary>
    public static bool MayCome(Guest g) => g.Rsvp is RsvpAnswer.Accepted or RsvpAnswer.Pending;

    /// <summary>The people one guest's yes brings: the guest, the partner when invited, and the plus-ones.</summary>
    public static int Party(Guest g) => 1 + (HasPartner(g) ? 1 : 0) + g.PlusOnes;

    /// <summary>The partner comes when invited and the directory knows who they are.</summary>
    public static bool HasPartner(Guest g) => g.WithPartner && g.Contact?.SpouseLastName is not null;
}
