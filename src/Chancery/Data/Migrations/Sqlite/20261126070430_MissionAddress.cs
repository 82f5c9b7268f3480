using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chancery.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MissionAddress : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "HostName",
                table: "Missions",
                type: "TEXT",
                maxLength: 253,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Slug",
                table: "Missions",
                type: "TEXT",
                maxLength: 60,
                nullable: false,
                defaultValue: "");

            // Missions made before public pages get a unique address from their id; an administrator can change it.
            migrationBuilder.Sql("""UPDATE "Missions" SET "Slug" = 'mission-' || lower(substr(replace("Id", '-', ''), 21, 12));""");

            migrationBuilder.CreateIndex(
                name: "IX_Missions_HostName",
                table: "Missions",
                column: "HostName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Missions_Slug",
                table: "Missions",
                column: "Slug",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Missions_HostName",
                table: "Missions");

            migrationBuilder.DropIndex(
                name: "IX_Missions_Slug",
                table: "Missions");

            migrationBuilder.DropColumn(
                name: "HostName",
                table: "Missions");

            migrationBuilder.DropColumn(
                name: "Slug",
                table: "Missions");
        }
    }
}
