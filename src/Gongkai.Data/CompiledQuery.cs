using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Gongkai.Data;

/// <summary>
/// A query EF translates once instead of on every call (issue 30: finding the translation again
/// was about a quarter of an uncached item page's CPU, docs/benchmarks.md). EF refuses to run a
/// compiled query on a context of another model than the first one's (InvalidOperationException),
/// and one process may serve both databases (the tests do): each model gets its own, compiled the
/// first time it asks.
/// </summary>
public sealed class CompiledQuery<TQuery>(Func<TQuery> compile) where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> _byModel = new();

    public TQuery For(GongkaiDb db) => _byModel.GetValue(db.Model, _ => compile());
}
