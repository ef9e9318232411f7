using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Attune.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class RoutingDecisions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Escalated",
                table: "Conversations",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "EscalatedAt",
                table: "Conversations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "FirstReplyDue",
                table: "Conversations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HandlingMode",
                table: "Conversations",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LastStatusUpdateAt",
                table: "Conversations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "NeedsTrainedAgent",
                table: "Conversations",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Playbook",
                table: "Conversations",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PolicyName",
                table: "Conversations",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PolicyVersion",
                table: "Conversations",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ResolutionDue",
                table: "Conversations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RoutedAt",
                table: "Conversations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "RoutedMessageId",
                table: "Conversations",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RoutingExplanation",
                table: "Conversations",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RoutingRule",
                table: "Conversations",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SlaName",
                table: "Conversations",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "AboveAlertSince",
                table: "Agents",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "AboveBreakSince",
                table: "Agents",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Away",
                table: "Agents",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "BreakSuggested",
                table: "Agents",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "Capacity",
                table: "Agents",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "ExtraDesks",
                table: "Agents",
                type: "character varying(500)",
                maxLength: 500,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "HeavyStreak",
                table: "Agents",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "LeadAlerted",
                table: "Agents",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<double>(
                name: "Load",
                table: "Agents",
                type: "double precision",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LoadAt",
                table: "Agents",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "VulnerabilityTrained",
                table: "Agents",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "Alerts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ConversationId = table.Column<long>(type: "bigint", nullable: true),
                    AgentId = table.Column<long>(type: "bigint", nullable: true),
                    Message = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Alerts", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_Status_Escalated",
                table: "Conversations",
                columns: new[] { "Status", "Escalated" });

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_At",
                table: "Alerts",
                column: "At");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Alerts");

            migrationBuilder.DropIndex(
                name: "IX_Conversations_Status_Escalated",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "Escalated",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "EscalatedAt",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "FirstReplyDue",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "HandlingMode",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "LastStatusUpdateAt",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "NeedsTrainedAgent",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "Playbook",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "PolicyName",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "PolicyVersion",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "ResolutionDue",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "RoutedAt",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "RoutedMessageId",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "RoutingExplanation",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "RoutingRule",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "SlaName",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "AboveAlertSince",
                table: "Agents");

            migrationBuilder.DropColumn(
                name: "AboveBreakSince",
                table: "Agents");

            migrationBuilder.DropColumn(
                name: "Away",
                table: "Agents");

            migrationBuilder.DropColumn(
                name: "BreakSuggested",
                table: "Agents");

            migrationBuilder.DropColumn(
                name: "Capacity",
                table: "Agents");

            migrationBuilder.DropColumn(
                name: "ExtraDesks",
                table: "Agents");

            migrationBuilder.DropColumn(
                name: "HeavyStreak",
                table: "Agents");

            migrationBuilder.DropColumn(
                name: "LeadAlerted",
                table: "Agents");

            migrationBuilder.DropColumn(
                name: "Load",
                table: "Agents");

            migrationBuilder.DropColumn(
                name: "LoadAt",
                table: "Agents");

            migrationBuilder.DropColumn(
                name: "VulnerabilityTrained",
                table: "Agents");
        }
    }
}
