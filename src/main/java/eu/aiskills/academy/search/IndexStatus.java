package eu.aiskills.academy.search;

/**
 * The state of one search index.
 *
 * @param index             the physical index behind the alias, or null when there is none yet
 * @param definitionVersion the version of the definition in search/
 * @param indexVersion      the definition version the current index was built from (0: none)
 * @param rebuildProgress   between 0 and 1 while a rebuild runs, otherwise null
 */
public record IndexStatus(String name, String alias, String index, int definitionVersion, int indexVersion,
                          long documents, Double rebuildProgress) {

    public boolean outdated() {
        return indexVersion < definitionVersion;
    }
}
