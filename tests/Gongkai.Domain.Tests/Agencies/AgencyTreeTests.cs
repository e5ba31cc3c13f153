using Gongkai.Domain.Agencies;

namespace Gongkai.Domain.Tests.Agencies;

public sealed class AgencyTreeTests
{
    // 1 county → 2 department, 3 town → 4 village office under the town; 5 another county.
    private static readonly AgencyTree Tree = new([(1, null), (2, 1), (3, 1), (4, 3), (5, null)]);

    [Fact]
    public void SelfAndDescendants_OfACounty_CoversEveryLevelBelowIt()
    {
        Assert.Equal(new HashSet<int> { 1, 2, 3, 4 }, Tree.SelfAndDescendants(1));
    }

    [Fact]
    public void SelfAndDescendants_OfATown_ExcludesItsSiblingsAndParent()
    {
        Assert.Equal(new HashSet<int> { 3, 4 }, Tree.SelfAndDescendants(3));
    }

    [Fact]
    public void SelfAndDescendants_OfAnUnknownAgency_IsEmpty()
    {
        Assert.Empty(Tree.SelfAndDescendants(99));
    }

    [Theory]
    [InlineData(4, 1, true)]
    [InlineData(4, 3, true)]
    [InlineData(3, 3, true)]
    [InlineData(2, 3, false)]
    [InlineData(1, 3, false)]
    [InlineData(5, 1, false)]
    public void IsSelfOrBelow_FollowsParentLinks(int candidate, int ancestor, bool expected)
    {
        Assert.Equal(expected, Tree.IsSelfOrBelow(candidate, ancestor));
    }

    [Theory]
    [InlineData(1, 4, false)] // the county under its own town's office would make a cycle
    [InlineData(3, 3, false)]
    [InlineData(3, 2, true)]
    [InlineData(3, null, true)]
    [InlineData(3, 99, false)]
    public void CanMoveUnder_RefusesCyclesAndUnknownParents(int id, int? newParent, bool expected)
    {
        Assert.Equal(expected, Tree.CanMoveUnder(id, newParent));
    }

    [Fact]
    public void ACycleInStoredData_DoesNotHangTheQueries()
    {
        var broken = new AgencyTree([(1, 2), (2, 1)]);
        Assert.False(broken.IsSelfOrBelow(1, 3));
        Assert.Equal(new HashSet<int> { 1, 2 }, broken.SelfAndDescendants(1));
    }
}
