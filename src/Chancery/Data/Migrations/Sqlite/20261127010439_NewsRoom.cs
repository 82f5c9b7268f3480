using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chancery.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NewsRoom : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "NotNamedPublicly",
                table: "Contacts",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "NewsItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MissionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StoryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IsPrimary = table.Column<bool>(type: "INTEGER", nullable: false),
                    EventId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Language = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 100000, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AuthorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ApprovedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    ApprovedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ApprovedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PublishedWithoutApprovalBecause = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    PublishAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    WithdrawnAt = table.Column<long>(type: "INTEGER", nullable: true),
                    WithdrawalNotice = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    PreviewToken = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NewsItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NewsItems_Events_EventId",
                        column: x => x.EventId,
                        principalTable: "Events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "NewsTemplates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MissionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NewsTemplates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "NewsChangeNotes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MissionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    NewsItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NewsChangeNotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NewsChangeNotes_NewsItems_NewsItemId",
                        column: x => x.NewsItemId,
                        principalTable: "NewsItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_NewsChangeNotes_NewsItemId_At",
                table: "NewsChangeNotes",
                columns: new[] { "NewsItemId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_NewsItems_EventId",
                table: "NewsItems",
                column: "EventId");

            migrationBuilder.CreateIndex(
                name: "IX_NewsItems_MissionId_Slug",
                table: "NewsItems",
                columns: new[] { "MissionId", "Slug" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NewsItems_MissionId_State_PublishedAt",
                table: "NewsItems",
                columns: new[] { "MissionId", "State", "PublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_NewsItems_PreviewToken",
                table: "NewsItems",
                column: "PreviewToken",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NewsItems_State_PublishAt",
                table: "NewsItems",
                columns: new[] { "State", "PublishAt" });

            migrationBuilder.CreateIndex(
                name: "IX_NewsItems_StoryId",
                table: "NewsItems",
                column: "StoryId");

            migrationBuilder.CreateIndex(
                name: "IX_NewsTemplates_MissionId_Language",
                table: "NewsTemplates",
                columns: new[] { "MissionId", "Language" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "NewsChangeNotes");

            migrationBuilder.DropTable(
                name: "NewsTemplates");

            migrationBuilder.DropTable(
                name: "NewsItems");

            migrationBuilder.DropColumn(
                name: "NotNamedPublicly",
                table: "Contacts");
        }
    }
}
