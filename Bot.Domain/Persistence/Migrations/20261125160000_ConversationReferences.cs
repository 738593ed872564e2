using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrmBot.Domain.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ConversationReferences : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ConversationReferences",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChannelId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ConversationId = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    ServiceUrl = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CustomerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RepId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Json = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConversationReferences", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConversationReferences_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ConversationReferences_SalesReps_RepId",
                        column: x => x.RepId,
                        principalTable: "SalesReps",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ConversationReferences_ChannelId_UserId",
                table: "ConversationReferences",
                columns: new[] { "ChannelId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ConversationReferences_CustomerId",
                table: "ConversationReferences",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_ConversationReferences_RepId",
                table: "ConversationReferences",
                column: "RepId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConversationReferences");
        }
    }
}
