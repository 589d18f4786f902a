import Classify
import ReportModel
import Testing

@Test func builtInTaxonomyHasTheSpecThemes() {
    #expect(Taxonomy.builtIn.themes.count == 15)
    #expect(Taxonomy.builtIn.theme("elevator-retrofit")?.zh == "加装电梯")
}
