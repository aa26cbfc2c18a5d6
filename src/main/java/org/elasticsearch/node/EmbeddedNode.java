package org.elasticsearch.node;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

import org.elasticsearch.env.Environment;
import org.elasticsearch.plugins.ClasspathPluginsService;
import org.elasticsearch.plugins.Plugin;
import org.elasticsearch.plugins.PluginsLoader;
import org.elasticsearch.plugins.PluginsService;

/**
 * Part of the AI Skills Academy's embedded search engine (single-machine runs and tests only;
 * see eu.aiskills.academy.search.internal.embedded). A node whose plugins come from the class
 * path; it lives in this package because node construction is package-private.
 */
public final class EmbeddedNode extends Node {

    /** The node and cluster ids for log lines are JVM-wide and can be set once only. */
    private static final java.util.concurrent.atomic.AtomicBoolean IDS_LISTENER_REGISTERED =
            new java.util.concurrent.atomic.AtomicBoolean();

    public EmbeddedNode(Environment environment, Collection<Class<? extends Plugin>> plugins) {
        super(NodeConstruction.prepareConstruction(environment, PluginsLoader.createPluginsLoader(Set.of(), Set.of(), Map.of(), false),
                new NodeServiceProvider() {
                    @Override
                    PluginsService newPluginService(Environment env, PluginsLoader loader) {
                        return new ClasspathPluginsService(env.settings(), env, plugins);
                    }
                }, true));
    }

    /**
     * Registers the listener that records node and cluster ids for logging only for the first node
     * of the JVM: a node started again after a stop (or a second one in a test JVM) would otherwise
     * fail to apply its cluster state.
     */
    @Override
    protected void configureNodeAndClusterIdStateListener(org.elasticsearch.cluster.service.ClusterService clusterService) {
        if (IDS_LISTENER_REGISTERED.compareAndSet(false, true)) {
            super.configureNodeAndClusterIdStateListener(clusterService);
        }
    }
}
