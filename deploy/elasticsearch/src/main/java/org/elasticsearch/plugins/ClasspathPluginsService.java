package org.elasticsearch.plugins;

import org.elasticsearch.Build;
import org.elasticsearch.action.admin.cluster.node.info.PluginsAndModules;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.plugins.spi.SPIClassIterator;

import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Plugins given as classes on the launcher's classpath instead of bundles in a plugins/ or modules/ folder.
 *
 * Lives in org.elasticsearch.plugins because the hooks it needs (loading a plugin class, wiring extensions)
 * are package-private. Every plugin shares one class loader, so service providers are looked up once and
 * each is created once.
 */
public class ClasspathPluginsService extends PluginsService {

    private final List<LoadedPlugin> loaded;

    public ClasspathPluginsService(Settings settings, Environment environment, Collection<Class<? extends Plugin>> pluginClasses) {
        super(settings, environment.configDir(), new PluginsLoader(Set.of(), Set.of(), Map.of()));
        List<LoadedPlugin> plugins = new ArrayList<>();
        for (Class<? extends Plugin> pluginClass : pluginClasses) {
            Plugin instance = loadPlugin(pluginClass, settings, environment.configDir());
            PluginDescriptor descriptor = new PluginDescriptor(
                pluginClass.getSimpleName(),
                "loaded from the launcher's classpath",
                Build.current().version(),
                Build.current().version(),
                Integer.toString(Runtime.version().feature()),
                pluginClass.getName(),
                null,
                List.of(),
                false,
                false,
                false,
                false
            );
            plugins.add(new LoadedPlugin(descriptor, instance, pluginClass.getClassLoader()));
        }
        loadExtensions(plugins);
        this.loaded = List.copyOf(plugins);
    }

    @Override
    protected List<LoadedPlugin> plugins() {
        return loaded;
    }

    @Override
    public PluginsAndModules info() {
        return new PluginsAndModules(loaded.stream().map(p -> new PluginRuntimeInfo(p.descriptor())).toList(), List.of());
    }

    @Override
    public <T> List<? extends T> loadServiceProviders(Class<T> service) {
        if (loaded.isEmpty()) {
            return List.of();
        }
        Set<Class<? extends T>> classes = new LinkedHashSet<>();
        SPIClassIterator.get(service, ClasspathPluginsService.class.getClassLoader()).forEachRemaining(classes::add);
        List<T> providers = new ArrayList<>();
        for (Class<? extends T> providerClass : classes) {
            providers.add(createExtension(providerClass, service, ownerOf(providerClass)));
        }
        return List.copyOf(providers);
    }

    /** The plugin a provider's one-argument constructor asks for, or the first plugin when it needs none. */
    private Plugin ownerOf(Class<?> providerClass) {
        for (Constructor<?> constructor : providerClass.getConstructors()) {
            if (constructor.getParameterCount() == 1) {
                for (LoadedPlugin plugin : loaded) {
                    if (constructor.getParameterTypes()[0].isInstance(plugin.instance())) {
                        return plugin.instance();
                    }
                }
            }
        }
        return loaded.get(0).instance();
    }
}
