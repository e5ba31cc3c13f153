using System.Reflection;
using System.Xml.Linq;

namespace Gongkai.Web.Tests;

/// <summary>
/// The map of docs/architecture.md, checked: which project may reference which (dependencies point
/// inward), read from the project files and from the compiled assemblies, and the Domain free of
/// frameworks and I/O libraries.
/// </summary>
public sealed class ArchitectureTests
{
    /// <summary>What each project may reference among ours: the arrows of docs/architecture.md.</summary>
    private static readonly IReadOnlyDictionary<string, string[]> Allowed = new Dictionary<string, string[]>
    {
        ["Gongkai.Domain"] = [],
        ["Gongkai.Documents"] = ["Gongkai.Domain"],
        ["Gongkai.Data"] = ["Gongkai.Domain", "Gongkai.Documents"],
        ["Gongkai.PdfWorker"] = ["Gongkai.Domain", "Gongkai.Documents"],
        // The web app references the worker only to ship its executable beside itself.
        ["Gongkai.Web"] = ["Gongkai.Domain", "Gongkai.Documents", "Gongkai.Data", "Gongkai.PdfWorker"],
        ["Gongkai.Cli"] = ["Gongkai.Domain", "Gongkai.Documents", "Gongkai.Data"],
    };

    private static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "src", "Gongkai.Domain")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("The repository's src folder is not above the test's directory.");
    }

    public static TheoryData<string> Projects => new(Allowed.Keys);

    [Theory]
    [MemberData(nameof(Projects))]
    public void EachProject_ReferencesOnlyTheProjectsItMay(string project)
    {
        var file = Path.Combine(Root(), "src", project, project + ".csproj");
        var referenced = XDocument.Load(file).Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/'))).ToList();
        Assert.Empty(referenced.Except(Allowed[project]));
    }

    [Fact]
    public void EveryProject_IsOnTheMap()
    {
        var projects = Directory.GetDirectories(Path.Combine(Root(), "src")).Select(Path.GetFileName).Where(d => File.Exists(Path.Combine(Root(), "src", d!, d + ".csproj")));
        Assert.Equal(Allowed.Keys.Order(), projects.Order()!);
    }

    [Fact]
    public void TheCompiledAssemblies_ReferenceOnlyWhatTheyMay()
    {
        Assembly[] built = [typeof(Domain.Calendar.WorkingCalendar).Assembly, typeof(Documents.Letters.LetterDocx).Assembly, typeof(Data.GongkaiDb).Assembly, typeof(Program).Assembly];
        foreach (var assembly in built)
        {
            var name = assembly.GetName().Name!;
            var ours = assembly.GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("Gongkai.", StringComparison.Ordinal));
            Assert.All(ours, n => Assert.Contains(n, Allowed[name]));
        }
    }

    [Fact]
    public void TheDomain_HasNoFrameworkNorIo()
    {
        // Rules as plain C#: no package, no ASP.NET Core, no EF Core, no database driver.
        var file = XDocument.Load(Path.Combine(Root(), "src", "Gongkai.Domain", "Gongkai.Domain.csproj"));
        Assert.Empty(file.Descendants("PackageReference"));
        Assert.Empty(file.Descendants("FrameworkReference"));
        var referenced = typeof(Domain.Calendar.WorkingCalendar).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.DoesNotContain(referenced, n => n.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal) || n.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) || n.StartsWith("Npgsql", StringComparison.Ordinal));
    }
}
