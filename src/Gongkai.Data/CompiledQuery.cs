using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Gongkai.Data;

/// <summary>
/// A query EF translates once instead of on every call (issue 30: translated per request, the
/// portal's reads cost a third of an uncached page). EF binds a compiled query to the model of the
/// first context that runs it, so one process that serves both databases (the tests do) would run
/// SQLite's SQL on PostgreSQL: here each model gets its own, compiled the first time it asks.
/// </summary>
public sealed class CompiledQuery<TQuery>(Func<TQuery> compile) where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> _byModel = new();

    public TQuery For(GongkaiDb db) => _byModel.GetValue(db.Model, _ => compile());
}
