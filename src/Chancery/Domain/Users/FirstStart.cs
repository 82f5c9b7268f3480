using System.Security.Cryptography;
using Chancery.Data;
using Chancery.Domain.Contacts;
using Chancery.Domain.Missions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Chancery.Domain.Users;

/// <summary>
/// On a new database: creates the default mission and the first administrator, from
/// <c>Admin:Email</c>/<c>Admin:Password</c> or with a random password printed once to the console.
/// </summary>
public static partial class FirstStart
{
    public const string DefaultMissionName = "Default mission";
    private const string DefaultAdminEmail = "admin@chancery.local";

    public static async Task EnsureSeededAsync(IServiceProvider services, CancellationToken ct = default)
    {
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<MissionScope>().EnterSystem();
        var db = sp.GetRequiredService<ChanceryDb>();
        var clock = sp.GetRequiredService<TimeProvider>();
        var config = sp.GetRequiredService<IConfiguration>();

        var mission = await db.Missions.IgnoreQueryFilters().OrderBy(m => m.CreatedAt).FirstOrDefaultAsync(ct);
        if (mission is null)
        {
            mission = new Mission { Name = DefaultMissionName, CreatedAt = clock.GetUtcNow(), Slug = MissionAddress.SuggestSlug(DefaultMissionName) };
            db.Missions.Add(mission);
            await db.SaveChangesAsync(ct);
        }

        // Every mission starts with the default categories; missions made before they came with it get them here.
        var withoutCategories = await db.Missions.IgnoreQueryFilters()
            .Where(m => !db.Categories.IgnoreQueryFilters().Any(c => c.MissionId == m.Id)).Select(m => m.Id).ToListAsync(ct);
        foreach (var id in withoutCategories)
        {
            db.Categories.AddRange(Category.DefaultsFor(id));
        }
        await db.SaveChangesAsync(ct);

        if (await ContactKeys.BackfillAsync(db, ct) is > 0 and var doubles)
        {
            LogKnownDoubles(sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(FirstStart)), doubles);
        }
        await ContactKeys.RefreshOutdatedAsync(db, ct);

        if (await db.Users.AnyAsync(ct))
        {
            return;
        }

        var email = config["Admin:Email"];
        var password = config["Admin:Password"];
        var generated = string.IsNullOrEmpty(password);
        email = string.IsNullOrWhiteSpace(email) ? DefaultAdminEmail : email.Trim();
        password = generated ? RandomPassword() : password!;

        var users = sp.GetRequiredService<UserManager<ChanceryUser>>();
        var admin = new ChanceryUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = "Administrator",
            CreatedAt = clock.GetUtcNow(),
            MustChangePassword = generated,
        };
        var result = await users.CreateAsync(admin, password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Could not create the first administrator: " +
                string.Join(" ", result.Errors.Select(e => e.Description)));
        }
        db.Memberships.Add(new Membership { MissionId = mission.Id, UserId = admin.Id, Role = MissionRole.Admin, CreatedAt = clock.GetUtcNow() });
        await db.SaveChangesAsync(ct);

        if (generated)
        {
            // Deliberately the console and not the logger: logs are kept and shipped, and a password must never be in them.
            Console.WriteLine();
            Console.WriteLine("  Chancery created the first administrator. Sign in and change the password:");
            Console.WriteLine($"    e-mail:   {email}");
            Console.WriteLine($"    password: {password}");
            Console.WriteLine("  This is shown once.");
            Console.WriteLine();
        }
    }

    /// <summary>Four groups of five letters and digits: 119 bits, easy to type from the console.</summary>
    public static string RandomPassword()
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        return string.Join("-", Enumerable.Range(0, 4).Select(_ => RandomNumberGenerator.GetString(alphabet, 5)));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Doubles} people recorded before name keys share a name at their organization with someone else and have no e-mail address; both are kept, as two people")]
    private static partial void LogKnownDoubles(ILogger logger, int doubles);
}
