package org.elasticsearch.plugins;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.elasticsearch.action.admin.cluster.node.info.PluginsAndModules;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;

/**
 * Part of the AI Skills Academy's embedded search engine (single-machine runs and tests only;
 * see eu.aiskills.academy.search.internal.embedded). Loads plugins from the application's class
 * path instead of plugin directories. It lives in this package because the plugin loading it
 * needs is package-private; it is the project's own code, written against the 9.2 server API.
 */
public final class ClasspathPluginsService extends PluginsService {

    private final List<LoadedPlugin> loaded;

    public ClasspathPluginsService(Settings settings, Environment environment, Collection<Class<? extends Plugin>> plugins) {
        super(settings, environment.configDir(), PluginsLoader.createPluginsLoader(Set.of(), Set.of(), Map.of(), false));
        this.loaded = plugins.stream()
                .map(type -> new LoadedPlugin(describe(type), loadPlugin(type, settings, environment.configDir()),
                        type.getClassLoader()))
                .toList();
        loadExtensions(loaded);
    }

    private static PluginDescriptor describe(Class<? extends Plugin> type) {
        String runtime = Integer.toString(Runtime.version().feature());
        return new PluginDescriptor(type.getName(), "classpath plugin of the AI Skills Academy", "NA",
                org.elasticsearch.Build.current().version(), runtime, type.getName(), null, List.of(), false, false,
                false, false);
    }

    @Override
    protected List<LoadedPlugin> plugins() {
        return loaded;
    }

    @Override
    public PluginsAndModules info() {
        return new PluginsAndModules(List.of(), List.of());
    }
}
