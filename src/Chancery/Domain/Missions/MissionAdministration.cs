using Chancery.Data;
using Chancery.Domain.Guests;
using Chancery.Domain.Users;
using Chancery.Email;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Chancery.Domain.Missions;

/// <summary>Missions and their members: create a mission, invite a colleague, change a role, disable and enable.</summary>
public sealed class MissionAdministration(ChanceryDb db, UserManager<ChanceryUser> users, Outbox outbox, TimeProvider clock, Microsoft.Extensions.Options.IOptions<Infrastructure.SiteOptions> site)
{
    /// <summary>The mission's members with their accounts, for its administrators (another mission is not there: 404).</summary>
    public async Task<List<Membership>> MembersAsync(Guid missionId, CancellationToken ct = default)
    {
        if (!await db.Missions.AnyAsync(m => m.Id == missionId, ct))
        {
            throw DomainException.NotFound("mission");
        }
        if (!db.Scope.Can(missionId, MissionRole.Admin))
        {
            throw new DomainException("Only the mission's administrators see who its members are.", kind: DomainErrorKind.Forbidden);
        }
        return await db.Memberships.AsNoTracking().Include(m => m.User).Where(m => m.MissionId == missionId).OrderBy(m => m.User!.DisplayName).ToListAsync(ct);
    }

    public async Task<Mission> CreateMissionAsync(string name, string? country, string? city, string? timeZone, Guid creatorId, CancellationToken ct = default)
    {
        name = name.Trim();
        if (name.Length == 0)
        {
            throw new DomainException("A mission needs a name.", "Name");
        }
        var zone = Zone(timeZone);
        var mission = new Mission { Name = name, Country = Blank(country), City = Blank(city), TimeZone = zone, CreatedAt = clock.GetUtcNow() };
        mission.Slug = await FreeSlugAsync(MissionAddress.SuggestSlug(name), ct);
        db.Missions.Add(mission);
        db.Categories.AddRange(Contacts.Category.DefaultsFor(mission.Id));
        db.Memberships.Add(new Membership { MissionId = mission.Id, UserId = creatorId, Role = MissionRole.Admin, CreatedAt = clock.GetUtcNow() });
        await db.SaveChangesAsync(ct);
        return mission;
    }

    /// <summary>
    /// Renames the mission and sets the country it represents, its city and its time zone (new events start in it).
    /// The first mission of an installation is called "Default mission" until someone does this.
    /// </summary>
    /// <summary>What an administrator sets about their own mission.</summary>
    public sealed record Settings(string Name, string? Country, string? City, string? TimeZone, string? Language = null, string? Address = null, string? ReplyEmail = null,
        IReadOnlyDictionary<string, string>? Names = null);

    public async Task SetSettingsAsync(Guid missionId, Settings settings, CancellationToken ct = default)
    {
        var name = settings.Name.Trim();
        if (name.Length == 0)
        {
            throw new DomainException("A mission needs a name.", "Name");
        }
        var zone = Zone(settings.TimeZone);
        var language = Blank(settings.Language);
        if (language is not null && !Contacts.ContactRules.IsLanguageTag(language))
        {
            throw new DomainException($"'{language}' {Contacts.ContactRules.LanguageMessage}", "Language");
        }
        var reply = Blank(settings.ReplyEmail);
        if (reply is not null && !Contacts.ContactRules.IsEmail(reply))
        {
            throw new DomainException($"'{reply}' {Contacts.ContactRules.EmailMessage}", "ReplyEmail");
        }
        var mission = await db.Missions.AsTracking().SingleOrDefaultAsync(m => m.Id == missionId, ct) ?? throw DomainException.NotFound("mission");
        (mission.Name, mission.Country, mission.City, mission.TimeZone) = (name, Blank(settings.Country), Blank(settings.City), zone);
        (mission.Language, mission.Address, mission.ReplyEmail) = (language, Blank(settings.Address), reply);
        if (settings.Names is { } names)
        {
            mission.Names = Contacts.OrganizationNames.Checked(names, nameof(Settings.Names));
        }
        await db.SaveChangesAsync(ct);
    }

    private static string Zone(string? timeZone)
    {
        var zone = string.IsNullOrWhiteSpace(timeZone) ? "UTC" : timeZone.Trim();
        return TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _) && zone.Contains('/', StringComparison.Ordinal) || zone == "UTC"
            ? zone
            : throw new DomainException($"'{zone}' is not a time zone; use an IANA name such as Asia/Shanghai.", "TimeZone");
    }

    /// <summary>Sets the mission's public address (<c>/m/{slug}</c>) and, optionally, a host name of its own.</summary>
    /// <summary>The host state's practice on precedence (docs/events.md §4), and the dean of the corps as the host names them.</summary>
    public sealed record PrecedencePractice(FunctionsDatedBy DatedBy, bool HolySeeFirst, PrecedenceTieBreak TieBreak, string? HostLanguage,
        bool ExcellencyForHeadsOfOrganizations, Guid? DeanContactId);

    /// <summary>
    /// Sets the mission's precedence practice. The host's language must be one this server knows (its alphabet orders
    /// country names); the dean an ambassador or envoy of the mission's own directory (anyone else is not found).
    /// </summary>
    public async Task SetPrecedenceAsync(Guid missionId, PrecedencePractice p, CancellationToken ct = default)
    {
        var language = p.HostLanguage?.Trim() ?? "";
        if (!IsKnownLanguage(language))
        {
            throw new DomainException($"'{language}' is not a language tag this server knows; use e.g. de, sv, zh, ar.", "HostLanguage");
        }
        if (p.DeanContactId is { } dean && !await db.Contacts.AnyAsync(c => c.Id == dean && c.MissionId == missionId && c.ErasedAt == null
                && (c.HeadOfMissionClass == Contacts.HeadOfMissionClass.Ambassador || c.HeadOfMissionClass == Contacts.HeadOfMissionClass.Envoy), ct))
        {
            throw DomainException.NotFound("ambassador in this mission's directory");
        }
        var m = await db.Missions.AsTracking().FirstAsync(x => x.Id == missionId, ct);
        m.DeanContactId = p.DeanContactId;
        m.PrecedenceDatedBy = p.DatedBy;
        m.HolySeeFirst = p.HolySeeFirst;
        m.PrecedenceTieBreak = p.TieBreak;
        m.HostLanguage = language;
        m.ExcellencyForHeadsOfOrganizations = p.ExcellencyForHeadsOfOrganizations;
        await db.SaveChangesAsync(ct);
    }

    private static bool IsKnownLanguage(string tag)
    {
        try
        {
            return tag.Length > 0 && System.Globalization.CultureInfo.GetCultureInfo(tag, predefinedOnly: true) is not null;
        }
        catch (System.Globalization.CultureNotFoundException)
        {
            return false;
        }
    }

    public async Task SetPublicAddressAsync(Guid missionId, string slug, string? hostName, CancellationToken ct = default)
    {
        slug = slug.Trim().ToLowerInvariant();
        if (MissionAddress.CheckSlug(slug) is { } slugError)
        {
            throw new DomainException(slugError, "Slug");
        }
        var host = MissionAddress.CleanHostName(hostName);
        if (host is not null && MissionAddress.CheckHostName(host) is { } hostError)
        {
            throw new DomainException(hostError, "HostName");
        }
        // The address staff and e-mail links use cannot become one mission's public home.
        if (host is not null && site.Value.IsInstallationHost(host))
        {
            throw new DomainException($"{host} is this installation's own address (PublicBaseUrl); a mission's host name must be another one.", "HostName");
        }
        // Other missions' addresses are looked at across the filter: two missions may not share one.
        var taken = await db.Missions.IgnoreQueryFilters().Where(m => m.Id != missionId && (m.Slug == slug || (host != null && m.HostName == host)))
            .Select(m => new { m.Slug, m.HostName }).ToListAsync(ct);
        if (taken.Any(t => t.Slug == slug))
        {
            throw new DomainException($"Another mission already uses /m/{slug}.", "Slug");
        }
        if (taken.Count > 0)
        {
            throw new DomainException($"Another mission already uses {host}.", "HostName");
        }
        var mission = await db.Missions.AsTracking().SingleAsync(m => m.Id == missionId, ct);
        mission.Slug = slug;
        mission.HostName = host;
        await db.SaveChangesAsync(ct);
    }

    private async Task<string> FreeSlugAsync(string wanted, CancellationToken ct)
    {
        var taken = await db.Missions.IgnoreQueryFilters().Where(m => m.Slug.StartsWith(wanted)).Select(m => m.Slug).ToListAsync(ct);
        var slug = wanted;
        for (var n = 2; taken.Contains(slug); n++)
        {
            slug = $"{wanted}-{n}";
        }
        return slug;
    }

    /// <summary>
    /// Adds a colleague to the mission with a role. A new person gets an e-mail with a one-time link to
    /// choose a password (Identity's reset token: it stops working once used, or after its lifetime).
    /// </summary>
    public async Task<Membership> InviteAsync(Guid missionId, string email, string displayName, MissionRole role, Func<ChanceryUser, string, string> setPasswordLink, CancellationToken ct = default)
    {
        email = email.Trim();
        if (!MailboxAddress.TryParse(email, out var address) || !address.Address.Contains('@', StringComparison.Ordinal))
        {
            throw new DomainException($"'{email}' is not an e-mail address.", "Email");
        }
        var mission = await db.Missions.SingleAsync(m => m.Id == missionId, ct);
        // The new account, the membership and the invitation mail commit together: a failure leaves no account
        // without its mail, and no mail for a membership that is not there.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var user = await users.FindByEmailAsync(email);
        var isNew = user is null;
        if (user is null)
        {
            user = new ChanceryUser { UserName = email, Email = email, DisplayName = displayName.Trim(), CreatedAt = clock.GetUtcNow() };
            var created = await users.CreateAsync(user);
            if (!created.Succeeded)
            {
                throw new DomainException(string.Join(" ", created.Errors.Select(e => e.Description)), "Email");
            }
        }
        else if (await db.Memberships.AnyAsync(m => m.MissionId == missionId && m.UserId == user.Id, ct))
        {
            throw new DomainException($"{email} is already a member of {mission.Name}.", "Email");
        }

        var membership = new Membership { MissionId = missionId, UserId = user.Id, Role = role, CreatedAt = clock.GetUtcNow() };
        db.Memberships.Add(membership);

        var message = new MimeMessage { Subject = $"You are invited to Chancery for {mission.Name}" };
        message.To.Add(new MailboxAddress(user.DisplayName, user.Email ?? email));
        var body = new BodyBuilder();
        if (isNew)
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var link = setPasswordLink(user, token);
            body.TextBody = $"""
                Hello {user.DisplayName},

                You have been given the role {role} in {mission.Name} on Chancery.
                Choose your password here (the link works once):

                {link}
                """;
        }
        else
        {
            body.TextBody = $"""
                Hello {user.DisplayName},

                You have been given the role {role} in {mission.Name} on Chancery.
                Sign in with your existing password; choose {mission.Name} in the mission switcher.
                """;
        }
        message.Body = body.ToMessageBody();
        await outbox.AddAsync(missionId, $"colleague-invite:{membership.Id}", message, OutboxAbout.Membership(membership.Id), ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return membership;
    }

    public async Task SetRoleAsync(Guid membershipId, MissionRole role, Guid actingUserId, CancellationToken ct = default)
    {
        var membership = await db.Memberships.AsTracking().SingleOrDefaultAsync(m => m.Id == membershipId, ct)
            ?? throw DomainException.NotFound("member");
        if (membership.Role == MissionRole.Admin && role != MissionRole.Admin)
        {
            await EnsureAnotherAdminAsync(membership, actingUserId, ct);
        }
        membership.Role = role;
        await db.SaveChangesAsync(ct);
        await EndSessionsAsync(membership.UserId);
    }

    public async Task SetDisabledAsync(Guid membershipId, bool disabled, Guid actingUserId, CancellationToken ct = default)
    {
        var membership = await db.Memberships.AsTracking().SingleOrDefaultAsync(m => m.Id == membershipId, ct)
            ?? throw DomainException.NotFound("member");
        if (disabled && membership.Role == MissionRole.Admin)
        {
            await EnsureAnotherAdminAsync(membership, actingUserId, ct);
        }
        membership.DisabledAt = disabled ? membership.DisabledAt ?? clock.GetUtcNow() : null;
        await db.SaveChangesAsync(ct);
        if (disabled)
        {
            await EndSessionsAsync(membership.UserId);
        }
    }

    // A new security stamp: every cookie and token the person holds stops at their next request (CurrentSessions).
    // They sign in again and start afresh under what they may now do; no device goes on acting on the old grant
    // (a door station's account made Protocol, say, is signed in anew deliberately). A sign-in attempt saving the
    // same user at the same moment makes the update fail on its concurrency stamp: read them again and retry.
    private async Task EndSessionsAsync(Guid userId)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            if (await users.FindByIdAsync(userId.ToString()) is not { } user || (await users.UpdateSecurityStampAsync(user)).Succeeded)
            {
                return;
            }
        }
        throw new DomainException(WriteConflicts.Message, kind: DomainErrorKind.Conflict);
    }

    // A mission must never be left without an administrator who can sign in.
    private async Task EnsureAnotherAdminAsync(Membership membership, Guid actingUserId, CancellationToken ct)
    {
        var otherAdmins = await db.Memberships.CountAsync(m =>
            m.MissionId == membership.MissionId && m.Id != membership.Id && m.Role == MissionRole.Admin && m.DisabledAt == null, ct);
        if (otherAdmins == 0)
        {
            throw new DomainException(membership.UserId == actingUserId
                ? "You are this mission's only administrator; make someone else an administrator first."
                : "This is the mission's only administrator; make someone else an administrator first.", "Role");
        }
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
