using System.Text;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Gongkai.Data.Schema;

/// <summary>The naming and storage rules every mapping follows, so that the SQL scripts can be written by hand.</summary>
public static class Conventions
{
    /// <summary>Column names in snake_case, as the scripts under Migrations/ write them.</summary>
    public static void NameColumnsInSnakeCase(ModelBuilder model)
    {
        foreach (var entity in model.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(SnakeCase(property.Name));
            }
        }
    }

    private static string SnakeCase(string name)
    {
        var sb = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0 && (!char.IsUpper(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]))))
                {
                    sb.Append('_');
                }
                sb.Append(char.ToLowerInvariant(c));
            }
            else
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }
}

/// <summary>Stores every <see cref="DateTime"/> as UTC and reads it back marked as UTC.</summary>
public sealed class UtcConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v.ToUniversalTime(), DateTimeKind.Utc),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
