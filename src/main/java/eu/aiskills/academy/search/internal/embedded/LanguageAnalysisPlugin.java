package eu.aiskills.academy.search.internal.embedded;

import java.util.List;

import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.elasticsearch.index.analysis.PreBuiltAnalyzerProviderFactory;
import org.elasticsearch.index.analysis.PreConfiguredTokenFilter;
import org.elasticsearch.indices.analysis.PreBuiltCacheFactory;
import org.elasticsearch.plugins.AnalysisPlugin;
import org.elasticsearch.plugins.Plugin;

/**
 * The analysis components the index definitions in {@code search/} use that a full
 * distribution gets from its analysis-common module (not on Maven Central): the English, German
 * and French language analyzers and the ASCII-folding filter, under the names Elasticsearch uses,
 * built from Lucene's own classes, so that the same definitions work on the embedded node and
 * on a production cluster.
 */
public class LanguageAnalysisPlugin extends Plugin implements AnalysisPlugin {

    @Override
    public List<PreBuiltAnalyzerProviderFactory> getPreBuiltAnalyzerProviderFactories() {
        return List.of(
                new PreBuiltAnalyzerProviderFactory("english", PreBuiltCacheFactory.CachingStrategy.ONE, EnglishAnalyzer::new),
                new PreBuiltAnalyzerProviderFactory("german", PreBuiltCacheFactory.CachingStrategy.ONE, GermanAnalyzer::new),
                new PreBuiltAnalyzerProviderFactory("french", PreBuiltCacheFactory.CachingStrategy.ONE, FrenchAnalyzer::new));
    }

    @Override
    public List<PreConfiguredTokenFilter> getPreConfiguredTokenFilters() {
        return List.of(PreConfiguredTokenFilter.singleton("asciifolding", true, ASCIIFoldingFilter::new));
    }
}
