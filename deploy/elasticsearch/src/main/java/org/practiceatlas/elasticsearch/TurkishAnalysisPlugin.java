package org.practiceatlas.elasticsearch;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.el.GreekLowerCaseFilter;
import org.apache.lucene.analysis.ga.IrishLowerCaseFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tr.ApostropheFilter;
import org.apache.lucene.analysis.tr.TurkishAnalyzer;
import org.apache.lucene.analysis.tr.TurkishLowerCaseFilter;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexService.IndexCreationContext;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractIndexAnalyzerProvider;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.Analysis;
import org.elasticsearch.index.analysis.AnalyzerProvider;
import org.elasticsearch.index.analysis.CharFilterFactory;
import org.elasticsearch.index.analysis.CustomAnalyzer;
import org.elasticsearch.index.analysis.NormalizingTokenFilterFactory;
import org.elasticsearch.index.analysis.PreConfiguredTokenFilter;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.index.analysis.TokenizerFactory;
import org.elasticsearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.elasticsearch.plugins.AnalysisPlugin;
import org.elasticsearch.plugins.Plugin;
import org.tartarus.snowball.SnowballStemmer;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The analysis components Practice Atlas's index uses, under the names and settings Elasticsearch's
 * analysis-common module gives them, so the same index definition works here and on a real cluster.
 *
 * Elastic publishes no analysis-common artifact for 8.x on Maven Central, so this plugin provides the
 * subset the portal needs, built on Lucene's own Turkish classes: {@code lowercase} (with
 * {@code language: turkish}), {@code apostrophe}, {@code asciifolding}, {@code stemmer} and {@code snowball}
 * (Snowball languages such as turkish and english), {@code synonym} and {@code synonym_graph} (inline or
 * file Solr-format rules, parsed through the preceding chain) and the {@code turkish} analyzer. The server
 * itself provides {@code standard}, {@code stop} (with {@code _turkish_}) and {@code shingle}.
 */
public class TurkishAnalysisPlugin extends Plugin implements AnalysisPlugin {

    @Override
    public Map<String, AnalysisProvider<TokenFilterFactory>> getTokenFilters() {
        return Map.of(
            "lowercase", LowercaseFilterFactory::new,
            "apostrophe", (index, env, name, settings) -> simple(name, settings, ApostropheFilter::new),
            "asciifolding", AsciiFoldingFilterFactory::new,
            "stemmer", (index, env, name, settings) -> new SnowballFilterFactory(name, settings, "language", "name"),
            "snowball", (index, env, name, settings) -> new SnowballFilterFactory(name, settings, "language"),
            "synonym", (index, env, name, settings) -> new SynonymFilterFactory(env, name, settings, false),
            "synonym_graph", (index, env, name, settings) -> new SynonymFilterFactory(env, name, settings, true)
        );
    }

    @Override
    public List<PreConfiguredTokenFilter> getPreConfiguredTokenFilters() {
        return List.of(
            PreConfiguredTokenFilter.singleton("apostrophe", false, ApostropheFilter::new),
            PreConfiguredTokenFilter.singleton("asciifolding", true, ASCIIFoldingFilter::new)
        );
    }

    @Override
    public Map<String, AnalysisProvider<AnalyzerProvider<? extends Analyzer>>> getAnalyzers() {
        return Map.of("turkish", (index, env, name, settings) -> new AbstractIndexAnalyzerProvider<TurkishAnalyzer>(name, settings) {
            private final TurkishAnalyzer analyzer = new TurkishAnalyzer(
                Analysis.parseStopWords(env, settings, TurkishAnalyzer.getDefaultStopSet()),
                Analysis.parseStemExclusion(settings, org.apache.lucene.analysis.CharArraySet.EMPTY_SET)
            );

            @Override
            public TurkishAnalyzer get() {
                return analyzer;
            }
        });
    }

    private static TokenFilterFactory simple(String name, Settings settings, Function<TokenStream, TokenStream> filter) {
        return new AbstractTokenFilterFactory(name, settings) {
            @Override
            public TokenStream create(TokenStream tokenStream) {
                return filter.apply(tokenStream);
            }
        };
    }

    /** {@code lowercase}: plain, or the Turkish (İ→i, I→ı), Greek or Irish rules named by {@code language}. */
    static final class LowercaseFilterFactory extends AbstractTokenFilterFactory implements NormalizingTokenFilterFactory {
        private final String language;

        LowercaseFilterFactory(IndexSettings index, Environment env, String name, Settings settings) {
            super(name, settings);
            language = settings.get("language", "").toLowerCase(Locale.ROOT);
            if (List.of("", "turkish", "greek", "irish").contains(language) == false) {
                throw new IllegalArgumentException("lowercase: language [" + language + "] is not supported");
            }
        }

        @Override
        public TokenStream create(TokenStream tokenStream) {
            return switch (language) {
                case "turkish" -> new TurkishLowerCaseFilter(tokenStream);
                case "greek" -> new GreekLowerCaseFilter(tokenStream);
                case "irish" -> new IrishLowerCaseFilter(tokenStream);
                default -> new LowerCaseFilter(tokenStream);
            };
        }
    }

    /** {@code asciifolding}: ç→c, ğ→g, ı→i, ö→o, ş→s, ü→u; {@code preserve_original} keeps the unfolded token too. */
    static final class AsciiFoldingFilterFactory extends AbstractTokenFilterFactory implements NormalizingTokenFilterFactory {
        private final boolean preserveOriginal;

        AsciiFoldingFilterFactory(IndexSettings index, Environment env, String name, Settings settings) {
            super(name, settings);
            preserveOriginal = settings.getAsBoolean("preserve_original", false);
        }

        @Override
        public TokenStream create(TokenStream tokenStream) {
            return new ASCIIFoldingFilter(tokenStream, preserveOriginal);
        }

        @Override
        public TokenStream normalize(TokenStream tokenStream) {
            return new ASCIIFoldingFilter(tokenStream, false);
        }
    }

    /** {@code stemmer} / {@code snowball}: the Snowball stemmer for a language (turkish, english, german…). */
    static final class SnowballFilterFactory extends AbstractTokenFilterFactory {
        private final Class<? extends SnowballStemmer> stemmerClass;

        SnowballFilterFactory(String name, Settings settings, String... languageKeys) {
            super(name, settings);
            String language = null;
            for (String key : languageKeys) {
                language = language != null ? language : settings.get(key);
            }
            if (language == null) {
                language = "english";
            }
            String simpleName = language.replace("_", "").toLowerCase(Locale.ROOT);
            simpleName = Character.toUpperCase(simpleName.charAt(0)) + simpleName.substring(1) + "Stemmer";
            try {
                stemmerClass = Class.forName("org.tartarus.snowball.ext." + simpleName).asSubclass(SnowballStemmer.class);
            } catch (ClassNotFoundException e) {
                throw new IllegalArgumentException(name + ": no Snowball stemmer for language [" + language + "]", e);
            }
        }

        @Override
        public TokenStream create(TokenStream tokenStream) {
            try {
                return new SnowballFilter(tokenStream, stemmerClass.getDeclaredConstructor().newInstance());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * {@code synonym} / {@code synonym_graph}: Solr-format rules ("a, b" or "a => b") from {@code synonyms} or
     * {@code synonyms_path}. The rules go through the tokenizer and filters that precede this one, so
     * "İstanbul" in a rule matches what the chain makes of "İstanbul" in a document or a query.
     */
    static final class SynonymFilterFactory extends AbstractTokenFilterFactory {
        private final List<String> rules;
        private final boolean expand;
        private final boolean lenient;
        private final boolean graph;

        SynonymFilterFactory(Environment env, String name, Settings settings, boolean graph) {
            super(name, settings);
            this.graph = graph;
            if (settings.get("synonyms_set") != null) {
                throw new IllegalArgumentException(name + ": synonyms_set needs the synonyms API, which this node lacks");
            }
            rules = settings.get("synonyms") != null || settings.get("synonyms_path") != null
                ? Analysis.getWordList(env, settings, "synonyms")
                : List.of();
            expand = settings.getAsBoolean("expand", true);
            lenient = settings.getAsBoolean("lenient", false);
            String format = settings.get("format", "solr");
            if (format.equals("solr") == false) {
                throw new IllegalArgumentException(name + ": only the solr synonym format is supported, not [" + format + "]");
            }
        }

        @Override
        public TokenStream create(TokenStream tokenStream) {
            throw new IllegalStateException("synonym filter [" + name() + "] is used before its analysis chain is known");
        }

        @Override
        public TokenFilterFactory getChainAwareTokenFilterFactory(
            IndexCreationContext context,
            TokenizerFactory tokenizer,
            List<CharFilterFactory> charFilters,
            List<TokenFilterFactory> previousTokenFilters,
            Function<String, TokenFilterFactory> allFilters
        ) {
            List<TokenFilterFactory> chain = new ArrayList<>();
            for (TokenFilterFactory previous : previousTokenFilters) {
                chain.add(previous.getSynonymFilter());
            }
            SynonymMap map;
            try (
                Analyzer analyzer = new CustomAnalyzer(
                    tokenizer,
                    charFilters.toArray(new CharFilterFactory[0]),
                    chain.toArray(new TokenFilterFactory[0])
                )
            ) {
                SolrSynonymParser parser = new SolrSynonymParser(true, expand, analyzer);
                parser.parse(new StringReader(lenient ? String.join("\n", lenientRules(analyzer)) : String.join("\n", rules)));
                map = parser.build();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (ParseException | IllegalArgumentException e) {
                throw new IllegalArgumentException("failed to build synonyms for [" + name() + "]: " + e.getMessage(), e);
            }
            String name = name();
            return new TokenFilterFactory() {
                @Override
                public String name() {
                    return name;
                }

                @Override
                public TokenStream create(TokenStream tokenStream) {
                    if (map.fst == null) {
                        return tokenStream;
                    }
                    return graph ? new SynonymGraphFilter(tokenStream, map, false) : newSynonymFilter(tokenStream, map);
                }

                @Override
                public TokenFilterFactory getSynonymFilter() {
                    return IDENTITY_FILTER;
                }
            };
        }

        @SuppressWarnings("deprecation") // Lucene keeps SynonymFilter for index-time (flat) synonyms
        private static TokenStream newSynonymFilter(TokenStream tokenStream, SynonymMap map) {
            return new org.apache.lucene.analysis.synonym.SynonymFilter(tokenStream, map, false);
        }

        /** With {@code lenient: true}, rules that analyse to nothing (all stop words, say) are dropped, not fatal. */
        private List<String> lenientRules(Analyzer analyzer) {
            List<String> kept = new ArrayList<>();
            for (String rule : rules) {
                try {
                    SolrSynonymParser probe = new SolrSynonymParser(true, expand, analyzer);
                    probe.parse(new StringReader(rule));
                    kept.add(rule);
                } catch (IOException | ParseException | IllegalArgumentException e) {
                    // skipped: lenient
                }
            }
            return kept;
        }
    }
}
