using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Attune.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class CoachingAndOutcomes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CoachingFlags",
                table: "Messages",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CoachingTip",
                table: "Messages",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "EmpathyScore",
                table: "Messages",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "HasAction",
                table: "Messages",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Hollow",
                table: "Messages",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CustomerMessages",
                table: "Conversations",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<double>(
                name: "FirstCompound",
                table: "Conversations",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "FirstReplyAt",
                table: "Conversations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ResolvedAt",
                table: "Conversations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Messages_AgentId_SentAt",
                table: "Messages",
                columns: new[] { "AgentId", "SentAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Messages_Author_SentAt",
                table: "Messages",
                columns: new[] { "Author", "SentAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_CreatedAt",
                table: "Conversations",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_ResolvedAt",
                table: "Conversations",
                column: "ResolvedAt");

            migrationBuilder.Sql(Attune.App.Data.Backfills.Outcomes);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Messages_AgentId_SentAt",
                table: "Messages");

            migrationBuilder.DropIndex(
                name: "IX_Messages_Author_SentAt",
                table: "Messages");

            migrationBuilder.DropIndex(
                name: "IX_Conversations_CreatedAt",
                table: "Conversations");

            migrationBuilder.DropIndex(
                name: "IX_Conversations_ResolvedAt",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "CoachingFlags",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "CoachingTip",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "EmpathyScore",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "HasAction",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "Hollow",
                table: "Messages");

            migrationBuilder.DropColumn(
                name: "CustomerMessages",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "FirstCompound",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "FirstReplyAt",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "ResolvedAt",
                table: "Conversations");
        }
    }
}
