namespace Chancery.Domain.Missions;

/// <summary>What a user may do inside one mission. A user can hold a different role in each mission.</summary>
public enum MissionRole
{
    /// <summary>Everything, including users and mission settings.</summary>
    Admin,
    /// <summary>Contacts, events, guest lists, invitations, precedence, seating, the door.</summary>
    Protocol,
    /// <summary>News items, photos, press coverage; reads events and reports.</summary>
    Press,
    /// <summary>Checks guests in at the door.</summary>
    Door,
}
