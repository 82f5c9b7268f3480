using Chancery.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chancery.Data.Configurations;

internal sealed class UserConfiguration : IEntityTypeConfiguration<ChanceryUser>
{
    public void Configure(EntityTypeBuilder<ChanceryUser> e)
    {
        e.Property(u => u.DisplayName).HasMaxLength(200);
    }
}
