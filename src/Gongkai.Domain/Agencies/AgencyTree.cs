namespace Gongkai.Domain.Agencies;

/// <summary>
/// The parent links of all agencies, answering which agencies lie below which.
/// A supervisor reads its own agency and every agency below it, so this is the basis of every
/// supervisor's scope.
/// </summary>
public sealed class AgencyTree
{
    private readonly Dictionary<int, int?> _parentOf;
    private readonly Dictionary<int, List<int>> _childrenOf = new();

    public AgencyTree(IEnumerable<(int Id, int? ParentId)> links)
    {
        _parentOf = links.ToDictionary(l => l.Id, l => l.ParentId);
        foreach (var (id, parent) in _parentOf)
        {
            if (parent is { } p)
            {
                if (!_childrenOf.TryGetValue(p, out var list))
                {
                    _childrenOf[p] = list = new List<int>();
                }
                list.Add(id);
            }
        }
    }

    public bool Contains(int id) => _parentOf.ContainsKey(id);

    public IReadOnlyList<int> Children(int id) =>
        _childrenOf.TryGetValue(id, out var list) ? list : Array.Empty<int>();

    /// <summary>The agency itself and every agency below it, parents before children.</summary>
    public IReadOnlySet<int> SelfAndDescendants(int id)
    {
        var result = new HashSet<int>();
        if (!Contains(id))
        {
            return result;
        }
        var pending = new Stack<int>();
        pending.Push(id);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            if (!result.Add(current))
            {
                continue;
            }
            foreach (var child in Children(current))
            {
                pending.Push(child);
            }
        }
        return result;
    }

    /// <summary>The agency itself, its parent, and so on to the top (a cycle, which the tree refuses to make, ends the walk).</summary>
    public IReadOnlyList<int> SelfAndAncestors(int id)
    {
        var result = new List<int>();
        for (int? current = id; current is { } c && Contains(c) && !result.Contains(c); current = _parentOf[c])
        {
            result.Add(c);
        }
        return result;
    }

    /// <summary>True when <paramref name="candidate"/> is <paramref name="ancestor"/> or lies below it.</summary>
    public bool IsSelfOrBelow(int candidate, int ancestor)
    {
        int? current = candidate;
        var steps = 0;
        while (current is { } c && steps++ <= _parentOf.Count)
        {
            if (c == ancestor)
            {
                return true;
            }
            current = _parentOf.GetValueOrDefault(c);
        }
        return false;
    }

    /// <summary>
    /// Whether <paramref name="id"/> may be moved under <paramref name="newParent"/>: an agency
    /// cannot become its own ancestor.
    /// </summary>
    public bool CanMoveUnder(int id, int? newParent) =>
        newParent is not { } p || (Contains(p) && !IsSelfOrBelow(p, id));
}
