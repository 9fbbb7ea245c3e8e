import { useTranslation } from 'react-i18next';
import { matchPath, usePath } from '../lib/router';
import { isStaff } from '../state/session';
import { useSignedInUser } from '../state/use-signed-in-user';
import { CardScreen } from './card/CardScreen';
import { CreateScreen } from './create/CreateScreen';
import { ListScreen } from './list/ListScreen';
import { TasksScreen } from './tasks/TasksScreen';
import { tasksPath } from './tasks/task-paths';
import { WorkHome } from './WorkHome';
import './work.css';

/** The generated work screens for staff: every published data type gets a list, a card and a create screen. */
export function WorkPage() {
  const { t } = useTranslation();
  const path = usePath();
  const user = useSignedInUser();
  if (!user) return null;
  if (!isStaff(user)) return <p className="empty">{t('operator.staffOnly')}</p>;
  return (
    <div className="work">
      <WorkScreen path={path} />
    </div>
  );
}

function WorkScreen({ path }: { path: string }) {
  // The inbox comes before the data types: a type keyed «tasks» would otherwise hide it.
  if (matchPath(tasksPath, path)) return <TasksScreen taskId={null} />;
  const task = matchPath(`${tasksPath}/:id`, path);
  if (task) return <TasksScreen taskId={task.id!} />;
  const created = matchPath('/work/:entity/new', path);
  if (created) return <CreateScreen key={path} entity={created.entity!} />;
  const card = matchPath('/work/:entity/:id', path);
  if (card) return <CardScreen key={`${card.entity}/${card.id}`} entity={card.entity!} id={card.id!} />;
  const list = matchPath('/work/:entity', path);
  if (list) return <ListScreen key={list.entity} entity={list.entity!} />;
  return <WorkHome />;
}
