using Microsoft.AspNetCore.Identity;

namespace Chancery.Domain.Users;

/// <summary>A person who signs in. What they may do is decided per mission by their memberships.</summary>
public sealed class ChanceryUser : IdentityUser<Guid>
{
    public ChanceryUser()
    {
        Id = Guid.CreateVersion7();
        SecurityStamp = Guid.NewGuid().ToString();
    }

    /// <summary>The name shown in the app and in the audit log, in any script.</summary>
    public string DisplayName { get; set; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    /// <summary>The password was printed to the console (the first administrator's): asked to be changed at sign-in until it is.</summary>
    public bool MustChangePassword { get; set; }
}
