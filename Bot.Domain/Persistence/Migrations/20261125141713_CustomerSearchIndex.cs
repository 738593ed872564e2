using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrmBot.Domain.Persistence.Migrations
{
    /// <summary>
    /// SQLite FTS5 index over customers' names and emails (external content: it stores only the index),
    /// kept in step by triggers. SearchName spaces CJK characters apart, so 张三 is two tokens.
    /// </summary>
    public partial class CustomerSearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE CustomerSearchIndex USING fts5(
                    SearchName, Email,
                    content='Customers', content_rowid='rowid',
                    tokenize='unicode61 remove_diacritics 2');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER Customers_SearchIndex_Insert AFTER INSERT ON Customers BEGIN
                    INSERT INTO CustomerSearchIndex(rowid, SearchName, Email) VALUES (new.rowid, new.SearchName, new.Email);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER Customers_SearchIndex_Delete AFTER DELETE ON Customers BEGIN
                    INSERT INTO CustomerSearchIndex(CustomerSearchIndex, rowid, SearchName, Email) VALUES ('delete', old.rowid, old.SearchName, old.Email);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER Customers_SearchIndex_Update AFTER UPDATE OF SearchName, Email ON Customers BEGIN
                    INSERT INTO CustomerSearchIndex(CustomerSearchIndex, rowid, SearchName, Email) VALUES ('delete', old.rowid, old.SearchName, old.Email);
                    INSERT INTO CustomerSearchIndex(rowid, SearchName, Email) VALUES (new.rowid, new.SearchName, new.Email);
                END;
                """);
            migrationBuilder.Sql("INSERT INTO CustomerSearchIndex(CustomerSearchIndex) VALUES ('rebuild');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS Customers_SearchIndex_Update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS Customers_SearchIndex_Delete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS Customers_SearchIndex_Insert;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS CustomerSearchIndex;");
        }
    }
}
